"""HF's side of depeche's id check: runs one batch size of the shared HF kit (hf_generate_bench.py --child) and
writes the ids every generate() call returned, in the format `depeche bench --expect-ids FILE` reads:
one JSON object a line, {"batching": LABEL, "sentence": i, "ids": [decoder start, ..., eos]}.

usage (environment as for the kit's run_hf_bench.sh: PYTHONPATH=KIT/hf_stubs:$HF_SRC, LD_LIBRARY_PATH=OpenBLAS):
  python3 hf_ids.py KIT_DIR OUT.jsonl LABEL MODEL_DIR --child --batch-size B [--sort-by-length] [kit options]
LABEL is depeche's name for the same batching: B for B sentences per call in article order, `job` for the
batch job's length-sorted batches (the same groups as --sort-by-length --batch-sizes 16).
The kit's own JSON result still goes to stdout.
"""
import json
import sys

kit, out_path, label = sys.argv[1], sys.argv[2], sys.argv[3]
sys.argv = [sys.argv[0]] + sys.argv[4:]
sys.path.insert(0, kit)
import hf_generate_bench as bench  # noqa: E402
import transformers  # noqa: E402

outputs = []
original = transformers.MarianMTModel.generate


def recording_generate(self, *args, **kwargs):
    out = original(self, *args, **kwargs)
    outputs.append(out.tolist())
    return out


transformers.MarianMTModel.generate = recording_generate
bench.main()

workload_path = None
if "--workload" in sys.argv:
    workload_path = sys.argv[sys.argv.index("--workload") + 1]
# the kit sorted the rows when --sort-by-length was given: map them back to file order (Python's sort is stable)
lines = [l for l in open(workload_path or bench.os.path.join(kit, "..", "workload-seed15.jsonl")) if l.strip()]
order = list(range(len(lines)))
if "--sort-by-length" in sys.argv:
    order = sorted(order, key=lambda i: -len(json.loads(lines[i])["ids"]))
rows_out = [row for call in outputs[1:] for row in call]  # outputs[0] is the warm-up call
assert len(rows_out) == len(order), (len(rows_out), len(order))
with open(out_path, "w") as f:
    for position, ids in enumerate(rows_out):
        f.write(json.dumps({"batching": label, "sentence": order[position], "ids": ids}) + "\n")
