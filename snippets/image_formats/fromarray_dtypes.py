import numpy as np
from PIL import Image

results = {}
for shape in [(2, 2), (2, 2, 3)]:
    for dtype in [np.uint8, np.bool_, np.uint16, np.int32, np.int64, np.float32]:
        arr = np.zeros(shape, dtype=dtype)
        try:
            result = Image.fromarray(arr).mode
        except TypeError as error:
            result = f"{type(error).__name__}: {error}"
        results[shape, np.dtype(dtype).name] = result
        print(shape, np.dtype(dtype).name, result)

assert results[(2, 2, 3), "uint8"] == "RGB"
assert results[(2, 2), "uint8"] == "L"
assert results[(2, 2), "float32"] == "F" and results[(2, 2), "int32"] == "I"
assert results[(2, 2), "bool"] == "1" and results[(2, 2), "uint16"] == "I;16"
assert results[(2, 2), "int64"].startswith("TypeError: Cannot handle this data type")
for dtype in ["bool", "uint16", "int32", "int64", "float32"]:
    assert results[(2, 2, 3), dtype].startswith("TypeError: Cannot handle")
