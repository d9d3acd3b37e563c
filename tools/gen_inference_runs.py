#!/usr/bin/env python3
"""Developer tool: writes include/flopcast/catalog/inference_runs.hpp from the developers'
reference table inference_runs.csv (328 rows of NVIDIA TensorRT-LLM v1.0 perf-overview tables:
output tokens/s of a whole GPU group serving one model).

Users of flopcast do not need this script or the csv: the generated header is committed and cites
every row's public source (repository, path and commit). Run it only to regenerate the header:

    python3 tools/gen_inference_runs.py /path/to/inference_runs.csv \
        > include/flopcast/catalog/inference_runs.hpp

The rules that turn a csv row into catalog pointers, formats and a short note are written here
once (never per row) and repeated in the header's comments. A model or GPU the catalogs do not
hold is carried by name with a reason in `inexpressible`, not dropped.
"""
import csv
import re
import sys

# ---- catalog names ------------------------------------------------------------------------------

# Hugging Face model id -> flopcast::models entry (workload/catalog.hpp). The Instruct and 3.3
# checkpoints have the shapes of the cards they map to (see the cards' notes).
MODELS = {
    'meta-llama/Llama-3.1-8B-Instruct': 'llama3_8b',
    'meta-llama/Llama-3.3-70B-Instruct': 'llama3_70b',
    'meta-llama/Llama-3.1-405B-Instruct': 'llama3_405b',
    'meta-llama/Llama-4-Scout-17B-16E-Instruct': 'llama4_scout',
    'meta-llama/Llama-4-Maverick-17B-128E-Instruct': 'llama4_maverick',
    'Qwen/Qwen3-235B-A22B': 'qwen3_235b_a22b',
    'Qwen/Qwen3-30B-A3B': 'qwen3_30b_a3b',
}

# The page's GPU names -> flopcast::chips entry, with a note where the entry differs from the name.
CHIPS = {
    'H100 SXM 80GB (DGX H100)': ('h100_sxm', ''),
    'H200 SXM 141GB (DGX H200)': ('h200_sxm', ''),
    'B200 180GB (DGX B200)': ('b200', ''),
    'GB200 192GB (GB200 NVL72)': ('gb200', 'GPU named "GB200 192GB" (launch capacity); the catalog '
                                  'entry holds the current 186 GB'),
    'RTX PRO 6000 Blackwell Server Edition (PCIe, no NVLink)': ('rtx_pro_6000_server', ''),
}

PRECISIONS = {'FP4': 'fp4', 'FP8': 'fp8', 'BF16': 'bf16', 'FP16': 'fp16'}


# ---- helpers ------------------------------------------------------------------------------------


def cstr(s):
    # A string_view literal ("..."sv): its length comes from the compiler, so the rows' text costs
    # the constant evaluator no steps (counting it through char_traits::length runs into Clang
    # 14's default -fconstexpr-steps limit, as small_runs.hpp found).
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"sv'


def degree(x):
    """A parallel degree: 0 when the cell is empty (not stated)."""
    return int(x) if x.strip() else 0


def precision_of(cell):
    """(C++ precision, stated?) from a cell such as 'FP4' or 'FP8?' (? = likely, not stated)."""
    stated = not cell.endswith('?')
    name = cell.rstrip('?').strip().upper()
    if name not in PRECISIONS:
        return None, stated
    return PRECISIONS[name], stated


# ---- rows ---------------------------------------------------------------------------------------


def emit(r, out, counts):
    notes = r['notes']
    reasons = []
    facts = []

    model = MODELS.get(r['hf_model_id'])
    if model is None:
        reasons.append(f"model {r['hf_model_id']} is not in flopcast::models")
    chip, chip_note = CHIPS.get(r['gpu'], (None, ''))
    if chip is None:
        reasons.append(f"GPU '{r['gpu']}' is not in the chip catalog")

    weights, _ = precision_of(r['weight_precision'])
    if weights is None:
        reasons.append(f"weight format {r['weight_precision']} has no flopcast::precision")
        weights = 'bf16'
    kv, kv_stated = precision_of(r['kv_precision'])
    if kv is None:
        reasons.append(f"KV-cache format {r['kv_precision']} has no flopcast::precision")
        kv = 'bf16'

    n = int(r['gpu_count'])
    tp, pp, ep = degree(r['tp']), degree(r['pp']), degree(r['ep'])

    m = re.search(r'num_requests=(\d+)', notes)
    requests = int(m.group(1)) if m else 0
    if r['batch_or_concurrency'].startswith('offline max-load'):
        facts.append(f'offline max-load, {requests} requests of uniform lengths, batch chosen by '
                     'the runtime (CUDA graphs up to 8,192)')
    else:
        facts.append(r['batch_or_concurrency'])

    m = re.search(r'Checkpoint: (nvidia/\S+) \(ModelOpt-quantized\)', notes)
    checkpoint = m.group(1) if m else ''
    if 'checkpoint is not in the page' in notes:
        checkpoint = ''  # the transcription's guess of a name the page does not list
    if not checkpoint:
        facts.append(f"no {r['weight_precision']} checkpoint for this model in the page's lists")
    if not kv_stated:
        facts.append('KV dtype not stated (ModelOpt checkpoints usually carry FP8)')
    if 'MoE run with --ep' in notes:
        facts.append('MoE: --ep degree not stated per row; enable_attention_dp in the options file')
    if 'pipeline parallelism across PCIe' in notes:
        facts.append('PCIe GPUs, no NVLink')
    if chip_note:
        facts.append(chip_note)

    for k in ('input_len', 'output_len', 'value'):
        if float(r[k].replace(',', '')) <= 0:
            reasons.append(f'{k} is not positive')
    if r['metric'] != 'output_throughput_total' or r['unit'] != 'tokens/s':
        reasons.append(f"metric {r['metric']} in {r['unit']} is not output tokens/s of the group")

    counts['inexpressible'] += 1 if reasons else 0
    out.append(
        f'    {{.id = {cstr(r["id"])},\n'
        f'     .model = {"&models::" + model if model else "nullptr"},\n'
        f'     .model_name = {cstr(r["model"])},\n'
        f'     .hf_model_id = {cstr(r["hf_model_id"])},\n'
        f'     .chip = {"&chips::" + chip if chip else "nullptr"},\n'
        f'     .chip_name = {cstr(r["gpu"])},\n'
        f'     .gpu_count = {n},\n'
        f'     .tp = {tp},\n'
        f'     .pp = {pp},\n'
        f'     .ep = {ep},\n'
        f'     .weights = precision::{weights},\n'
        f'     .kv_cache = precision::{kv},\n'
        f'     .kv_cache_stated = {"true" if kv_stated else "false"},\n'
        f'     .checkpoint = {cstr(checkpoint)},\n'
        f'     .input_len = {int(r["input_len"])},\n'
        f'     .output_len = {int(r["output_len"])},\n'
        f'     .requests = {requests},\n'
        f'     .concurrency = {cstr(r["batch_or_concurrency"])},\n'
        f'     .output_tokens_per_s = {float(r["value"].replace(",", ""))!r},\n'
        f'     .source = {cstr(r["source"])},\n'
        f'     .source_path = {cstr(r["source_path"])},\n'
        f'     .notes = {cstr("; ".join(facts))},\n'
        f'     .inexpressible = {cstr("; ".join(reasons))}}},\n')


HEADER = open(__file__.replace('gen_inference_runs.py', 'inference_runs_header.hpp.in')).read()


def main():
    rows = list(csv.DictReader(open(sys.argv[1], newline='')))
    out = []
    counts = {'inexpressible': 0}
    for r in rows:
        emit(r, out, counts)
    body = ''.join(out)
    sys.stderr.write(f"{len(rows)} rows, {counts['inexpressible']} inexpressible\n")
    print(HEADER.replace('@COUNT@', str(len(rows))).replace('@ROWS@', body.rstrip(',\n') + '\n'),
          end='')


if __name__ == '__main__':
    main()
