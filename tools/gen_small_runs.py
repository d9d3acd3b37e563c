#!/usr/bin/env python3
"""Developer tool: writes include/flopcast/catalog/small_runs.hpp from the developers' reference
table small_runs.csv (649 measured training runs at 2-1,024 GPUs, transcribed from public sources).

Users of flopcast do not need this script or the csv: the generated header is committed and cites
every row's public source (repository, path and commit). Run it only to regenerate the header:

    python3 tools/gen_small_runs.py /path/to/small_runs.csv > include/flopcast/catalog/small_runs.hpp

The rules that turn a csv row into a model, a cluster and a plan are written here once per source
(never per row) and are repeated in the header's comments.
"""
import csv
import re
import sys

# ---- helpers ------------------------------------------------------------------------------------


def num(x):
    return float(x.replace(',', ''))


def cstr(s):
    # A string_view literal ("..."sv): its length comes from the compiler, so 649 rows of text cost
    # the constant evaluator no steps (counting them through char_traits::length ran into Clang
    # 14's default -fconstexpr-steps limit).
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"sv'


def g(pattern, text, conv=float):
    m = re.search(pattern, text)
    return conv(m.group(1).replace(',', '')) if m else 0.0


SOURCES = {
    'llmf-cur': 'llm-foundry README',
    'llmf-old': 'llm-foundry README (superseded)',
    'llmf-pr': 'llm-foundry PR #543/#684 files',
    'tt24': 'torchtitan Dec 2024',
    'tt24a': 'torchtitan performance.md 2024',
    'tt25': 'torchtitan async TP 2025',
    'tt25h': 'torchtitan Trainy H200',
    'ao': 'torchao float8/MX',
    'nemobr': 'Megatron-Bridge archive',
    'nemols': 'NeMo long-sequence',
    'mlm': 'Megatron-LM README',
    'fms': 'fms-fsdp (compile)',
    'fms0': 'fms-fsdp (eager)',
    'fa': 'flash-attention README',
    'cai': 'Colossal-AI README',
    'automodel': 'NeMo AutoModel',
}


# The fused attention kernel each source ran (estimate/attention_kernel.hpp), per source, never per
# row, with the evidence. Sources left out keep the calibrated default.
ATTENTION = {
    # MosaicML llm-foundry: attn_impl is not recorded per row; scripts/train/benchmarking/
    # submit_benchmarks.py defaults to 'triton' (sweep.py uses flash only for some sizes).
    'llmf-cur': 'triton', 'llmf-old': 'triton', 'llmf-pr': 'triton',
    # torchtitan and torchao (run with torchtitan): torch.nn.functional.scaled_dot_product_attention
    # (torchtitan/models/llama/model.py; later torchtitan/models/attention.py), whose CUDA flash
    # backend is FlashAttention-2 since PyTorch 2.2 (release notes). Whether a run took the cuDNN
    # backend instead (PyTorch 2.5 on H100) is not stated: FlashAttention-2 is assumed.
    'tt24': 'flash2', 'tt24a': 'flash2', 'tt25': 'flash2', 'tt25h': 'flash2', 'ao': 'flash2',
    # IBM fms-fsdp: PyTorch SDPA (FlashAttention-2 backend).
    'fms': 'flash2', 'fms0': 'flash2',
    # flash-attention's own training scripts (training/README.md): FlashAttention-2.
    'fa': 'flash2',
    # Colossal-AI's LLaMA benchmark: flash-attn (FlashAttention-2) kernels, assumed (the README
    # does not name the kernel per row).
    'cai': 'flash2',
    # NeMo, Megatron-Bridge and Megatron-Core: Transformer Engine's DotProductAttention, which
    # runs cuDNN fused attention on Hopper and Blackwell.
    'nemobr': 'cudnn', 'nemols': 'cudnn', 'mlm': 'cudnn',
}


def family(rid):
    return rid.rsplit('-', 1)[0]


# ---- per-source rules ---------------------------------------------------------------------------


def chip_of(acc):
    """Catalog chip (C++ expression) and a note when it is a substitute."""
    a = acc
    if 'A100 40GB' in a:
        return 'a100_sxm4_40gb', ''
    if 'A100 80GB SXM4 (400 W)' in a:
        return 'a100_sxm4_80gb', ''
    if 'A100 80GB' in a:
        return 'a100_sxm4_80gb', ''
    if 'A100 (memory not stated' in a:
        return 'a100_sxm4_80gb', 'A100 memory not stated in this table (80GB in the later one): A100 SXM4 80GB'
    if '96GB HBM2e' in a:
        return 'h100_sxm', ('H100 96GB HBM2e at 500 W (Grand Teton) modelled as the closest catalog chip, '
                            'H100 SXM5 80GB (700 W, HBM3 3.35 TB/s): peak and HBM bandwidth are the SXM figures')
    if '95GB HBM2e' in a:
        return 'h100_sxm', ('H100 95GB HBM2e at lower TDP modelled as the closest catalog chip, H100 SXM5 80GB '
                            '(peak and HBM bandwidth are the SXM figures)')
    if 'H100' in a:
        return 'h100_sxm', ''
    if 'H200' in a and 'B200' not in a:
        return 'h200_sxm', ''
    if 'GB200' in a:
        return 'gb200', ''
    if 'GB300' in a:
        return 'gb300', ''
    if 'B200 (power limited)' in a:
        return 'b200', 'B200 power limited (limit not given): the catalog B200 at its full rating'
    if 'B200' in a:
        return 'b200', ''
    if 'MI300X' in a:
        return 'mi300x', ''
    raise ValueError(acc)


def cluster_of(r, chip):
    """(cluster expression, note). Expressions name clusters defined in the header."""
    fam = family(r['id'])
    if fam.startswith('llmf'):
        if chip.startswith('a100'):
            return f'llmf_a100(chips::{chip})', ''
        return 'clusters::hgx_h100_ndr', ('H100 interconnect not stated: the typical HGX H100 node, '
                                          'NDR 400 Gb/s per GPU')
    if fam in ('tt24', 'tt25'):
        return 'grand_teton', ''
    if fam == 'tt24a':
        if chip.startswith('a100'):
            return 'clusters::dgx_a100_superpod', 'interconnect not stated: DGX A100 nodes, HDR 200 Gb/s per GPU'
        return 'grand_teton', 'interconnect not stated: the Grand Teton hosts of the Dec 2024 benchmark (RDMA 400 Gb/s per GPU)'
    if fam == 'tt25h':
        return 'h200_ndr', ''
    if fam == 'ao':
        if chip == 'mi300x':
            return 'mi300x_node', ''
        if chip == 'b200':
            return 'clusters::dgx_b200', ''
        return 'clusters::hgx_h100_ndr', ''
    if fam in ('nemobr', 'nemols'):
        return {'h100_sxm': 'clusters::hgx_h100_ndr', 'b200': 'clusters::dgx_b200',
                'gb200': 'clusters::gb200_nvl72', 'gb300': 'gb300_nvl72'}[chip], (
                    'scale-out not stated: the DGX system\'s 400 Gb/s per GPU' if chip != 'gb300' else
                    'scale-out not stated: ConnectX-8, 800 Gb/s per GPU')
    if fam in ('mlm', 'automodel'):
        return 'clusters::hgx_h100_ndr', 'scale-out not stated: NDR 400 Gb/s per GPU'
    if fam in ('fms', 'fms0'):
        if chip.startswith('a100'):
            return 'fms_a100', '"400Gbps" read as per node (50 Gb/s per GPU); the source does not say'
        return 'fms_h100', '"800 Gbps" read as per node (100 Gb/s per GPU); the source does not say'
    if fam == 'fa':
        return 'clusters::dgx_a100_superpod', ''
    if fam == 'cai':
        if chip == 'h200_sxm':
            return 'h200_ndr', 'interconnect not stated: NDR 400 Gb/s per GPU'
        return 'clusters::dgx_b200', 'interconnect not stated'
    raise ValueError(fam)


def precision_of(p):
    pl = p.lower()
    if 'nvfp4' in pl:
        return 'fp4'
    if 'fp8' in pl or 'float8' in pl or 'tensorwise' in pl or 'rowwise' in pl:
        return 'fp8'
    return 'bf16'


def recompute_of(rc, fam):
    """(C++ recompute, skip reason)"""
    r = rc.lower()
    if r.startswith('none'):
        return 'none', ''
    if r.startswith('full'):
        return 'full', ''
    if 'layer' in r:
        return 'selective', ('torchtitan layer-selective activation checkpointing (every n-th layer fully '
                             'recomputed) has no equivalent: the library recomputes all layers or none')
    if r.startswith('selective'):
        if fam in ('tt24', 'tt24a', 'tt25', 'tt25h', 'ao'):
            # torchtitan's default selective_ac_option is "op" (the llama3 tomls): per-op SAC
            # (torchtitan/distributed/activation_checkpoint.py), recompute::selective_op.
            return 'selective_op', ''
        if fam in ('fms', 'fms0'):
            return 'selective', ('fms-fsdp selective activation checkpointing checkpoints a fraction of the '
                                 'layers; the library recomputes all layers or none')
        return 'selective', ''
    if r.startswith('not stated'):
        return 'none', ''
    raise ValueError(rc)


def nemo_flops_per_token(r):
    """NeMo / Megatron-Bridge model FLOPs per token, causal attention (checked against the Bridge
    rows, which print both tokens/s and model TFLOP/s): L h^2 (12 + 12 g/a + 18 f/h + 6 s/h
    + 6 V/(L h))."""
    L, h, a = int(r['layers']), int(r['hidden']), int(r['heads'])
    kv = int(r['kv_heads'] or r['heads'])
    f, V, s = int(r['ffn_hidden']), int(r['vocab']), int(r['seq_len'])
    return L * h * h * (12 + 12 * kv / a + 18 * f / h + 6 * s / h + 6 * V / (L * h))


def megatron_flops_per_token(r):
    """Megatron-LM (r0.8) num_floating_point_operations per token: 12 L h^2 ((1 + g/a + s/h)
    + f/h + V/(2 L h)) with MHA, 4h FFN (not gated), attention non-causal."""
    L, h = int(r['layers']), int(r['hidden'])
    s, V = int(r['seq_len']), int(r['vocab'])
    return 12 * L * h * h * ((1 + 1 + s / h) + 4 + V / (2 * L * h))


# ---- rows ---------------------------------------------------------------------------------------


# The Megatron-Bridge (and NeMo AutoModel) rows' tables do not state recompute or activation
# offload; tools/megatron_bridge_recipes.csv reads them from each release's performance recipes
# (path and commit per row, matched to the table's NeMo container by docs/versions1.json).
RECIPES = {r['id']: r for r in csv.DictReader(open(__file__.replace('gen_small_runs.py', 'megatron_bridge_recipes.csv')))}


def recipe_note(rec):
    return f"recipe {rec['recipe_path'].split(':')[0].split(' + ')[0]} @ {rec['commit'][:12]}"


def emit(r, out):
    rid = r['id']
    fam = family(rid)
    notes = r['notes']
    assumed = []
    skip = []
    chip, chip_note = chip_of(r['accelerator'])
    cl, cl_note = cluster_of(r, chip)
    n = int(r['accelerator_count'])
    L, h, a = int(r['layers']), int(r['hidden']), int(r['heads'])
    kv = int(r['kv_heads'] or r['heads'])
    ffn = int(r['ffn_hidden'] or 4 * h)
    V, s = int(r['vocab']), int(r['seq_len'])
    gbs = int(r['global_batch_sequences'])
    gated = r['gated_mlp'].startswith('yes')
    name = r['model'].split(' (')[0]
    if fam.startswith('llmf'):
        model = f'mpt({cstr(name)}, {L}, {h}, {a}, {s})'
    elif gated:
        model = f'llama({cstr(name)}, {L}, {h}, {a}, {kv}, {ffn}, {V}, {s})'
    else:
        model = f'gpt({cstr(name)}, {L}, {h}, {a}, {V}, {s})'
        if fam == 'mlm':
            assumed.append('MHA, 4h FFN, learned positions, tied embeddings (Megatron GPT defaults; not stated)')

    tp, pp, cp = int(r['tp']), int(r['pp']), int(r['cp'])
    dp = int(r['dp'])
    mb = r['microbatch']
    vp = 1
    m = re.search(r'VP=(\d+)', notes)
    if m:
        vp = int(m.group(1))
    z = r['fsdp_or_zero']
    zero = 0
    if z.startswith('FSDP (v1) FULL_SHARD') or z.startswith('FSDP2') or z.startswith('FSDP1 full') \
            or z.startswith('Megatron FSDP'):
        zero = 3
    elif 'SHARD_GRAD_OP' in z or z == 'ZeRO-2':
        zero = 2
    elif z == 'ZeRO-1' or 'adamw-zero' in z:
        zero = 1
    elif z.startswith('HSDP'):
        zero = 3
        skip.append('HSDP (FSDP sharded within each 8-GPU node, replicated across nodes) has no '
                    'equivalent: the library shards ZeRO-3 over all data-parallel ranks')
    elif fam in ('nemobr', 'nemols', 'mlm'):
        zero = 1
        assumed.append('Megatron distributed optimizer (ZeRO-1), as the performance recipes use')
    elif z.startswith('none'):
        zero = 0
    m = re.search(r'FSDP=(\d+)', z)
    if m and int(m.group(1)) not in (0, dp):
        skip.append(f'FSDP sharding group of {m.group(1)} ranks differs from DP {dp}: no equivalent')
    m = re.search(r'full shard \((\d+)\)', z)
    if m and int(m.group(1)) != dp:
        skip.append(f'FSDP2 group {m.group(1)} differs from DP {dp}')
    if fam == 'automodel':
        zero = 3

    prec = precision_of(r['precision'])
    rc, rskip = recompute_of(r['recompute'], fam)
    if rskip:
        skip.append(rskip)
    rec = RECIPES.get(rid)
    offloaded = 0
    if rec is not None:
        # The recipe's settings replace the table's "not stated".
        granularity = rec['recompute_granularity']
        rc = 'full' if granularity.startswith('full') else 'none'
        offloaded = int(rec['cpu_offload_layers'].split(' ')[0] or 0)
        what = f'recompute {rc}' + (f', activations of {offloaded} layers offloaded to host' if offloaded else '')
        assumed.append(f'{what} ({recipe_note(rec)}; {rec["confidence"].split(":")[0]} confidence)')
    elif r['recompute'].startswith('not stated') and fam != 'cai':  # cai: read below
        assumed.append('recompute not stated: none')

    options = []
    if fam in ('nemobr', 'nemols', 'mlm'):
        overlap = rec is None or not rec['tp_comm_overlap'].startswith('False')
        options += (['.tp_overlap = 1.0'] if overlap else []) + ['.overlap_pp = true']
    if fam in ('tt24', 'tt25'):
        if re.search(r'async TP on|AsyncTP|, async TP\.', notes) and 'async TP off' not in notes:
            options.append('.tp_overlap = 1.0')
    if fam in ATTENTION:
        options.append(f'.attention = attention_kernel::{ATTENTION[fam]}')
    if fam == 'fa':
        assumed.append('microbatch not reported: 8 sequences per GPU')
        mb = '8'
    if fam == 'cai':
        # Not stated by the source. Full recompute: Colossal-AI's printed TFLOPS/GPU is about 8/6
        # of 6N x tokens, i.e. it counts a recomputed forward (the csv's note); BF16 and the
        # microbatch are assumptions (benchmark.py's -g/--grad_checkpoint is off by default).
        rc = 'full'
        if pp > 1:
            assumed.append('precision BF16 and pipeline microbatch 1 assumed; full recompute read '
                           'from the printed TFLOPS/GPU (about 8/6 of 6N x tokens)')
            mb = '1'
        else:
            assumed.append('precision BF16 and no gradient accumulation (microbatch = batch per DP) '
                           'assumed; full recompute read from the printed TFLOPS/GPU (about 8/6 of '
                           '6N x tokens)')
            mb = str(gbs // dp)
    if fam == 'nemols':
        assumed.append('microbatch 1')
        mb = '1'
    if fam == 'mlm':
        assumed.append('microbatch 1')
        mb = '1'
    if fam == 'tt24' and not mb:
        assumed.append('pipeline microbatch size 1 (torchtitan default)')
        mb = '1'
        if 'Interleaved 1F1B' in notes:
            vp = 2
            assumed.append('interleaved: 2 stages per rank (torchtitan default)')
    if num(r['value'].rstrip('%')) <= 0:
        skip.append('placeholder row of a failed run: every figure is -1 (no measurement)')
        mb = '1'
    elif mb == '-1' or not mb:
        skip.append(f'microbatch not usable ({mb!r})')
        mb = '1'
    mb = int(mb)
    ga = re.search(r'This row = parenthesized values\..*\bGA=(\d+)\.', notes)
    if fam == 'nemobr' and ga and gbs % (dp * int(ga.group(1))) == 0 and gbs // (dp * int(ga.group(1))) != mb:
        # The 25.09 table gives MBS once, for its primary configuration; the parenthesized one's
        # microbatch follows from its own GA (the recipe agrees: nemobr-65, fp8_mx mbs 1).
        mb = gbs // (dp * int(ga.group(1)))
        assumed.append(f'microbatch {mb}, from the parenthesized GA (the MBS column is the primary configuration\'s)')
    if gbs % (mb * dp) != 0:
        # Composer allows an uneven last microbatch; the library needs whole microbatches.
        skip.append(f'global batch {gbs} is not a whole number of microbatches of {mb} over DP {dp} '
                    '(Composer runs an uneven last microbatch)')
    sp = 'true' if tp > 1 else 'false'
    split = ''
    if rec is not None and 'account_for_embedding_in_pipeline_split=True' in rec['other'] and pp > 1:
        split = ' .embedding_in_split = true, .loss_in_split = true,'
        assumed.append('embedding and loss counted as pipeline layers (the recipe sets '
                       'account_for_embedding/loss_in_pipeline_split)')
    elif fam in ('nemobr', 'nemols', 'mlm') and pp * vp > L:
        # Megatron-Core refuses more pipeline chunks than layers unless the embedding and the loss
        # count as layers (account_for_embedding/loss_in_pipeline_split): a run that did so ran
        # with both set.
        split = ' .embedding_in_split = true, .loss_in_split = true,'
        assumed.append('embedding and loss counted as pipeline layers (pp x vp exceeds the layers; '
                       'Megatron-Core runs that only with account_for_embedding/loss_in_pipeline_split)')
    offload = f' .offloaded_layers = {offloaded},' if offloaded else ''
    plan = (f'{{.tp = {tp}, .sequence_parallel = {sp}, .pp = {pp}, .vp = {vp},{split}{offload} .cp = {cp}, '
            f'.zero_stage = {zero}, .microbatch = {mb}, .global_batch = {gbs}, '
            f'.recompute_mode = recompute::{rc}, .fused_attention = true, .compute = precision::{prec}}}')
    opts = '{' + ', '.join(options) + '}'

    # measured seconds per step
    metric = r['metric']
    val = num(r['value'].rstrip('%'))
    if val <= 0:
        step = 0.0
    elif metric == 'tokens_per_s_per_gpu':
        step = gbs * s / (val * n)
    elif metric == 'tokens_per_s_total':
        step = gbs * s / val
    elif metric == 'model_tflops_per_gpu':
        step = gbs * s * nemo_flops_per_token(r) / (val * 1e12 * n)
    elif metric == 'mfu':
        tf = g(r'per-GPU ([\d.]+) TFLOP/s', notes)
        step = gbs * s * megatron_flops_per_token(r) / (tf * 1e12 * n)
        val = val / 100.0
    else:
        raise ValueError(metric)

    # second figures
    tot = g(r'Throughput \(T/s\)=([\d,]+)', notes)
    mfu = g(r'\bMFU=([\d.]+)', notes) / 100.0
    params = g(r'NumParams=(\d+)', notes)
    tflops = g(r'Model TFLOP=(\d+)', notes)
    stepp = 0.0
    if fam == 'tt24a':
        mfu = g(r'MFU=([\d.]+)%', notes) / 100.0
    if fam in ('fms', 'fms0'):
        mfu = g(r'Reported MFU ([\d.]+)', notes)
    if fam == 'nemobr':
        tflops = g(r'Model TFLOP/s/GPU = ([\d.]+)', notes)
    if fam == 'mlm':
        tflops = g(r'per-GPU ([\d.]+) TFLOP/s', notes)
    if fam == 'automodel':
        stepp = g(r'time per global step ([\d.]+) s', notes)
        tflops = g(r'model TFLOPs/s/GPU (\d+)', notes)
    if fam == 'fa':
        hours = g(r'([\d.]+) hours per 1B tokens', notes)
        stepp = hours  # carried as hours per 1B tokens (see field comment)
    if fam == 'cai':
        tot = g(r'([\d.]+) samples/s', notes)  # samples/s, see field comment
        tflops = g(r'([\d.]+) TFLOPS/GPU', notes)

    mem = r['memory_gb']
    unit = 'none'
    memv = 0.0
    if mem:
        memv = num(mem)
        unit = 'gib' if fam in ('tt24', 'tt25', 'tt25h', 'ao', 'tt24a') else 'gb'
    if fam == 'nemobr':
        m = re.search(r'([\d.]+) NeMo Container', r['framework'])
        assumed.insert(0, f'NeMo container {m.group(1)}')
    if fam.startswith('llmf'):
        m = re.search(r"Section '([^']*)'", notes)
        assumed.insert(0, f"section '{m.group(1)}'")
    note_parts = [x for x in (chip_note, cl_note) if x] + assumed
    note = '; '.join(note_parts)
    src_path = r['source_path']
    out.append(
        f'    {{.id = {cstr(rid)},\n'
        f'     .source = {cstr(SOURCES[fam])},\n'
        f'     .citation = {cstr(src_path)},\n'
        f'     .model = {model},\n'
        f'     .chip = &chips::{chip},\n'
        f'     .cluster = {cl}.with_count({n}),\n'
        f'     .chips = {n},\n'
        f'     .plan = {plan},\n'
        f'     .options = {opts},\n'
        f'     .metric = small_metric::{metric},\n'
        f'     .published = {val!r},\n'
        f'     .measured_s = {step!r},\n'
        f'     .memory = {memv!r},\n'
        f'     .memory_in = memory_unit::{unit},\n'
        f'     .printed = {{.total_rate = {tot!r}, .mfu = {mfu!r}, .parameters = {params!r}, '
        f'.tflops_per_gpu = {tflops!r}, .step_or_hours = {stepp!r}}},\n'
        f'     .note = {cstr(note)},\n'
        f'     .skip = {cstr("; ".join(skip))}}},\n')


HEADER = open(__file__.replace('gen_small_runs.py', 'small_runs_header.hpp.in')).read()


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    out = []
    for r in rows:
        emit(r, out)
    body = ''.join(out)
    print(HEADER.replace('@COUNT@', str(len(rows))).replace('@ROWS@', body.rstrip(',\n') + '\n'), end='')


if __name__ == '__main__':
    main()
