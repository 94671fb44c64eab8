import torch

x = torch.arange(2 * 3 * 4).reshape(2, 3, 4)
y = x.permute(0, 2, 1)  # same memory, other strides: not contiguous
print(y.shape, y.stride(), y.is_contiguous())

z = y.view(2, 2, 2, 3)  # splits dim 1 (size 4) into 2 x 2: fine
print(z.shape)

try:
    y.view(y.size(0), -1)  # merges dims 1 and 2: stride 1 != 4 * 3
except RuntimeError as error:
    print(f"RuntimeError: {error}")
else:
    raise AssertionError("view merged dims whose strides don't line up")

w = x.permute(2, 0, 1)  # not contiguous either
print(w.shape, w.stride(), w.is_contiguous())
print(w.view(4, 6).shape)  # merges dims 1 and 2: stride 12 == 4 * 3, fine

a = y.reshape(y.size(0), -1)  # copies when it must
b = y.flatten(1)  # the same, spelled for "keep the batch dim"
c = y.contiguous().view(y.size(0), -1)  # explicit copy, then view
print(a)

assert not y.is_contiguous() and not w.is_contiguous()
assert y.stride() == (12, 1, 4) and w.stride() == (1, 12, 4)  # the strides in the text
assert z.data_ptr() == y.data_ptr()  # view worked on y itself: no copy
assert w.view(4, 6).data_ptr() == w.data_ptr()
assert torch.equal(a, b) and torch.equal(a, c)
assert a.data_ptr() != y.data_ptr()  # reshape had to copy here
