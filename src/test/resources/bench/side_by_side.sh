#!/bin/bash
# One sitting, side by side: HF transformers' generate() then depeche, alternating, the load printed with every
# figure; ids checked with --expect-ids. Needs the HF kit set up as this folder's README says.
#
#   KIT=/path/to/shared/bench/hf HF_SRC=/path/to/transformers/src OPENBLAS=/path/to/openblas-openmp \
#   OPUS=/tmp/opus-shaped DISTILBART=/tmp/distilbart [PYTHON=/usr/bin/python3] \
#   side_by_side.sh target/depeche.jar ROUNDS [nightly] [summary] [busy] [startup TRANSLATION_MODEL_DIR]
#
# OPUS and DISTILBART are written by `depeche bench --save-model` (and `--shape distilbart-cnn`); a startup
# check needs a folder with a tokenizer as well.
set -u
JAR=$(realpath "$1"); ROUNDS=$2; shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
PYTHON=${PYTHON:-/usr/bin/python3} # the system's, which has Debian's torch (not a pyenv or venv one)
export PYTHONPATH=$KIT/hf_stubs:$HF_SRC LD_LIBRARY_PATH=$OPENBLAS HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 \
    TRANSFORMERS_NO_ADVISORY_WARNINGS=1
WORK=${WORK:-$(mktemp -d)}; cd "$WORK"
load() { echo "load $(cut -d' ' -f1-4 /proc/loadavg)"; }
hf_rate() {
    "$PYTHON" -c "import json; d=json.load(open('$1')); r=d['runs'][0] if 'runs' in d else d; \
print('  HF', r.get('batch_size'), 'tokens/s', r.get('target_tokens_per_s'), 'seconds', r.get('seconds', r.get('wall_s')))"
}
for round in $(seq "$ROUNDS"); do
    for b in 1 8 15; do
        echo "[$(date +%T)] HF seed, $b per call, $(load)"
        "$PYTHON" "$HERE/hf_ids.py" "$KIT" hf-ids-$b.jsonl $b "$OPUS" --child --batch-size $b --threads 2 \
            > hf-$round-$b.json 2> hf-$round-$b.err
        hf_rate hf-$round-$b.json || { echo "HF failed: hf-$round-$b.err"; tail -3 hf-$round-$b.err; exit 1; }
    done
    cat hf-ids-1.jsonl hf-ids-8.jsonl hf-ids-15.jsonl > hf-ids.jsonl
    echo "[$(date +%T)] depeche seed, $(load)"
    java -jar "$JAR" bench --model "$OPUS" --per-call 1,8,all --expect-ids hf-ids.jsonl 2>&1 | tail -4
done
while [ $# -gt 0 ]; do
    case $1 in
    nightly)
        echo "[$(date +%T)] HF nightly, sorted by length, 16 per call, $(load)"
        "$PYTHON" "$HERE/hf_ids.py" "$KIT" hf-ids-job.jsonl job "$OPUS" --child --batch-size 16 --threads 2 \
            --sort-by-length --workload "$KIT/../workload-nightly300.jsonl" --num-sentences 300 > hf-n16.json 2> hf-n16.err
        hf_rate hf-n16.json
        echo "[$(date +%T)] depeche nightly, $(load)"
        java -jar "$JAR" bench --model "$OPUS" --workload nightly --per-call job --expect-ids hf-ids-job.jsonl 2>&1 | tail -2 ;;
    summary)
        echo "[$(date +%T)] HF summary shape, $(load)"
        "$PYTHON" "$HERE/hf_summary.py" "$DISTILBART" "$HERE/../../../main/resources/depeche/bench/workload-summary600.jsonl" \
            hf-summary.jsonl 2 2> hf-summary.err | tail -1
        echo "[$(date +%T)] depeche summary shape, $(load)"
        java -jar "$JAR" bench --model "$DISTILBART" --workload summary --per-call 1 --expect-ids hf-summary.jsonl 2>&1 | tail -2 ;;
    busy)
        echo "[$(date +%T)] depeche alone and beside two CPU-bound processes, $(load)"
        java -jar "$JAR" bench --model "$OPUS" --per-call 1,8,all --beside-busy 2 2>&1 | tail -10 ;;
    startup)
        # java -jar and the launcher beside the jar (target/depeche: class archive, quick compiler), alternating;
        # the launcher's first run writes its archive and is shown apart. HF: the kit's child for one seed
        # sentence in a fresh process (imports, weights, its warm-up call and the sentence), the whole process timed.
        shift
        LAUNCHER=$(dirname "$JAR")/depeche
        one() { /usr/bin/time -f "%e s, peak %M KB" "$@" translate --max-length 16 --model "$MODEL" \
            "Le président a annoncé hier une réforme." 2>&1 >/dev/null | tail -1; }
        MODEL=$1
        if [ -x "$LAUNCHER" ]; then echo -n "[$(date +%T)] launcher, first run of the sitting (writes its archive if it has none): "; one "$LAUNCHER"; fi
        for i in 1 2 3 4 5; do
            echo -n "[$(date +%T)] translate one sentence, java -jar, $(load): "; one java -jar "$JAR"
            if [ -x "$LAUNCHER" ]; then echo -n "[$(date +%T)] translate one sentence, launcher, $(load): "; one "$LAUNCHER"; fi
        done
        echo -n "[$(date +%T)] HF one sentence in a fresh process, $(load): "
        /usr/bin/time -f "%e s, peak %M KB" "$PYTHON" "$KIT/hf_generate_bench.py" "$OPUS" --child --batch-size 1 \
            --threads 2 --num-sentences 1 2>&1 >/dev/null | tail -1 ;;
    esac
    shift
done
echo "[$(date +%T)] end, $(load)"
