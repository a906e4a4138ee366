"""HF's side of the summarizer-shape benchmark: BartForConditionalGeneration.generate() (the folder's
generation_config: beam 4, no_repeat_ngram_size 3, length_penalty 2) on a workload of source ids, one article
per call, every output length forced (min_new_tokens = max_new_tokens), as `depeche bench --shape distilbart-cnn
--workload summary --per-call 1` does. Prints one JSON object (target_tokens_per_s, wall_s, load average) and
writes the ids in the format `depeche bench --expect-ids FILE` reads (batching label "1").

usage (environment as for the HF kit's run_hf_bench.sh: PYTHONPATH=KIT/hf_stubs:$HF_SRC, LD_LIBRARY_PATH=OpenBLAS,
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1):
  python3 hf_summary.py MODEL_DIR WORKLOAD.jsonl OUT_IDS.jsonl [THREADS]
The workload is depeche's built-in one: src/main/resources/depeche/bench/workload-summary600.jsonl.
"""
import json
import os
import sys
import time

import torch

model_dir, workload_path, out_path = sys.argv[1:4]
torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else os.cpu_count())
import transformers  # noqa: E402
import transformers.generation.utils  # noqa: E402

# As the kit does: torch 1.13's torch.distributed.fsdp does not import under Python 3.11; nothing here is FSDP-managed.
transformers.generation.utils.is_fsdp_managed_module = lambda module: False
model = transformers.BartForConditionalGeneration.from_pretrained(model_dir).eval()
rows = [json.loads(line) for line in open(workload_path, encoding="utf-8") if line.strip()]


def generate(ids, new_tokens):
    return model.generate(input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                          min_new_tokens=new_tokens, max_new_tokens=new_tokens)[0].tolist()


with torch.inference_mode():
    generate(rows[0]["ids"], 8)  # warm-up, as depeche bench does
    load = os.getloadavg()[0]
    start = time.perf_counter()
    outputs = [generate(r["ids"], r["max_new_tokens"]) for r in rows]
    wall = time.perf_counter() - start
with open(out_path, "w") as f:
    for i, ids in enumerate(outputs):
        f.write(json.dumps({"batching": "1", "sentence": i, "ids": ids}) + "\n")
target = sum(r["max_new_tokens"] for r in rows)
print(json.dumps({"what": "HF BartForConditionalGeneration.generate, one article per call", "threads":
                  torch.get_num_threads(), "load_average": load, "target_tokens": target, "wall_s": round(wall, 3),
                  "target_tokens_per_s": round(target / wall, 3), "transformers": transformers.__version__}))
