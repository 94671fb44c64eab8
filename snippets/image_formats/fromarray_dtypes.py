import numpy as np
from PIL import Image

results = {}
dtypes = [np.uint8, np.bool_, np.uint16, np.int8, np.int16, np.int32, np.uint32]
dtypes += [np.int64, np.float16, np.float32]
for shape in [(2, 2), (2, 2, 3), (2, 2, 4)]:
    for dtype in dtypes + [np.float64]:
        arr = np.zeros(shape, dtype=dtype)
        try:
            result = Image.fromarray(arr).mode
        except TypeError as error:
            result = f"{type(error).__name__}: {error}"
        results[shape, np.dtype(dtype).name] = result
        print(shape, np.dtype(dtype).name, result)

assert results[(2, 2, 3), "uint8"] == "RGB"
assert results[(2, 2), "uint8"] == "L"
assert results[(2, 2), "float32"] == "F"
for dtype in ["int8", "int16", "int32", "uint32"]:
    assert results[(2, 2), dtype] == "I"  # all become 32-bit integer pixels
assert results[(2, 2), "bool"] == "1" and results[(2, 2), "uint16"] == "I;16"
assert results[(2, 2, 4), "uint8"] == "RGBA"
assert results[(2, 2), "int64"].startswith("TypeError: Cannot handle this data type")
assert results[(2, 2), "float16"].startswith("TypeError")  # a common model output
assert results[(2, 2), "float64"] == "F"  # converted to 32-bit floats
for dtype in [np.dtype(d).name for d in dtypes[1:]] + ["float64"]:
    for channels in (3, 4):  # multi-channel arrays must be uint8
        assert results[(2, 2, channels), dtype].startswith("TypeError: Cannot handle")
