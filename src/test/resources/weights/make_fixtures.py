"""Writes the PyTorch fixtures of this folder. Run once with Debian's torch (python3-torch, 1.13):

    /usr/bin/python3 src/test/resources/weights/make_fixtures.py

The build never runs it: the Java tests read the committed files and assert the values written here.
"""
import collections
import pathlib

import torch

here = pathlib.Path(__file__).parent

# legacy.bin: the pre-1.6 format (magic, version, sys_info pickles, then the state dict, then raw storages).
# A module's state_dict carries `_metadata`, so the pickle BUILDs an OrderedDict, as old HF files do.
linear = torch.nn.Linear(3, 2)
with torch.no_grad():
    linear.weight.copy_(torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]) * 0.25)
    linear.bias.copy_(torch.tensor([-1.0, 0.5]))
legacy = linear.state_dict()
legacy["tied.weight"] = legacy["weight"]          # same storage, same view
legacy["weight_t"] = legacy["weight"].t()         # same storage, strided view
legacy["steps"] = torch.tensor([7, -3], dtype=torch.int64)
torch.save(legacy, here / "legacy.bin", _use_new_zipfile_serialization=False)

# views.bin: the zip format, pickle protocol 4 (FRAME, MEMOIZE, STACK_GLOBAL), with views and several dtypes.
base = torch.arange(12, dtype=torch.float32).reshape(3, 4)
views = collections.OrderedDict()
views["base"] = base
views["transposed"] = base.t()                    # stride (1, 4)
views["column"] = base[:, 1]                      # storage_offset 1, stride (4,)
views["rows"] = base[1:]                          # storage_offset 4, contiguous
views["half"] = torch.tensor([1.0, -2.5, 65504.0, 2.0 ** -14, 2.0 ** -24, -0.0], dtype=torch.float16)
views["half_t"] = torch.arange(6, dtype=torch.float16).reshape(2, 3).t()
views["bf16"] = torch.tensor([1.0, -2.5, 3.140625, 2.0 ** 100], dtype=torch.bfloat16)
views["f64"] = torch.tensor([0.1, -1e300], dtype=torch.float64)
views["i64"] = torch.tensor([1, -2, 2 ** 40], dtype=torch.int64)
views["flags"] = torch.tensor([True, False, True])
views["param"] = torch.nn.Parameter(torch.tensor([[0.5, -0.5]]))  # pickled through _rebuild_parameter
torch.save(views, here / "views.bin", pickle_protocol=4)
