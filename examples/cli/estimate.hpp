#pragma once
// `flopcast estimate`: one training step of a model on a cluster under a parallel plan, with
// the breakdown of where the time goes, throughput, utilization, memory per chip, and the days
// and chip-hours for a token count. The parsing of a job (model, cluster, plan, options) is
// shared with `flopcast calibrate`, whose measurement lines use the same options.
#include <array>
#include <cmath>
#include <flopcast/core/error.hpp>
#include <flopcast/estimate/calibration.hpp>
#include <flopcast/estimate/step_time.hpp>
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/parallel/plan.hpp>
#include <flopcast/workload/catalog.hpp>
#include <flopcast/workload/lookup.hpp>
#include <flopcast/workload/parameters.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "args.hpp"
#include "cluster.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view estimate_usage =
    "usage: flopcast estimate (--model NAME | --layers N --hidden N --heads N --vocab N --seq N) "
    "--chip NAME --chips N [plan options] [--tokens T] [--json]";

// The options that describe a job; `flopcast estimate` adds --tokens, --goodput and --json.
inline constexpr std::array job_options{
    option{"--model", "NAME", "catalog model (flopcast models); shape options override its fields",
           "model"},
    option{"--layers", "N", "transformer layers", "model", 1, 65'536},
    option{"--hidden", "N", "hidden size", "model", 1, 1'048'576},
    option{"--heads", "N", "attention (query) heads", "model", 1, 65'536},
    option{"--kv-heads", "N", "key/value heads (default: = heads)", "model", 1, 65'536},
    option{"--head-dim", "N", "size of one head (default: hidden / heads)", "model", 1, 65'536},
    option{"--ffn", "N", "MLP width (default: 4 x hidden)", "model", 1, 4'194'304},
    option{"--gated-mlp", "", "SwiGLU-style MLP: gate, up and down matrices", "model"},
    option{"--vocab", "N", "vocabulary size", "model", 1, 16'777'216},
    option{"--seq", "N", "sequence length (also overrides a catalog model's)", "model", 1,
           134'217'728},
    option{"--untied-embeddings", "", "separate input and output embedding tables", "model"},
    option{"--rotary", "", "rotary positions (default for a custom shape: learned)", "model"},
    option{"--rms-norm", "", "RMSNorm (default for a custom shape: LayerNorm)", "model"},
    option{"--no-biases", "", "no biases in linear layers and norms", "model"},
    option{"--parallel-block", "", "attention and MLP in parallel on one norm (GPT-J, Falcon)",
           "model"},
    option{"--qkv-bias", "", "biases on Q, K and V only, with --no-biases (Qwen2)", "model"},
    option{"--qk-norm", "", "norm on each query and key head (Qwen3)", "model"},
    option{"--qk-norm-full", "", "norm over the whole query and key projections (OLMo 2)",
           "model"},
    option{"--window", "N", "sliding-window attention over N tokens (Mistral, Gemma 2)", "model",
           1, 134'217'728},
    option{"--global-every", "N", "with --window, every N-th layer attends globally (Gemma 2: 2)",
           "model", 1, 65'536},
    option{"--experts", "N", "routed experts per MoE layer", "mixture of experts", 0, 65'536},
    option{"--top-k", "N", "routed experts per token", "mixture of experts", 0, 65'536},
    option{"--shared-experts", "N", "experts every token visits", "mixture of experts", 0, 65'536},
    option{"--expert-ffn", "N", "MLP width of one expert (default: --ffn)", "mixture of experts", 1,
           4'194'304},
    option{"--first-dense-layers", "N", "the first N layers are dense, the rest MoE",
           "mixture of experts", 0, 65'536},
    option{"--shared-expert-ffn", "N", "MLP width of one shared expert (default: --expert-ffn)",
           "mixture of experts", 1, 4'194'304},
    option{"--chip", "NAME", "catalog chip (flopcast chips), e.g. h100, a100, gb200, mi300x",
           "cluster"},
    option{"--chips", "N", "accelerators (GPUs, TPU chips) the job runs on", "cluster", 1,
           16'777'216},
    option{"--domain", "N", "accelerators per scale-up domain (default: the chip's usual)",
           "cluster", 1, 16'777'216},
    option{"--domain-used", "N",
           "accelerators used per scale-up domain, racks run partly populated (default: all)",
           "cluster", 1, 16'777'216},
    option{"--scale-out-gbps", "G", "NIC line rate per accelerator, Gb/s (default: the chip's)",
           "cluster", 1, 1e5},
    option{"--network", "NAME",
           "scale-out network profile, e.g. infiniband-ndr, roce-meta, aws-p5-efa, gcp-a3-mega, "
           "azure-nd-h100-v5 (default: InfiniBand at the chip's NIC rate)",
           "cluster"},
    option{"--tp", "N", "tensor parallel (default 1)", "parallel plan (dp = chips / (tp pp cp))", 1,
           65'536},
    option{"--sequence-parallel", "", "shard norms and dropout over tp (Korthikanti 2022)",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--pp", "N", "pipeline stages (default 1)", "parallel plan (dp = chips / (tp pp cp))", 1,
           65'536},
    option{"--vp", "N", "interleaved chunks per stage (default 1)",
           "parallel plan (dp = chips / (tp pp cp))", 1, 1024},
    option{"--first-stage-layers", "N", "layers on the first pipeline stage (default: balanced)",
           "parallel plan (dp = chips / (tp pp cp))", 0, 65'536},
    option{"--last-stage-layers", "N", "layers on the last pipeline stage (default: balanced)",
           "parallel plan (dp = chips / (tp pp cp))", 0, 65'536},
    option{"--offload-layers", "N",
           "layers per stage whose activations wait in host memory (Megatron-Core "
           "cpu_offloading_num_layers; default 0)",
           "parallel plan (dp = chips / (tp pp cp))", 0, 65'536},
    option{"--cp", "N", "context parallel (default 1)", "parallel plan (dp = chips / (tp pp cp))",
           1, 65'536},
    option{"--ep", "N", "expert parallel, within dp x cp (default 1)",
           "parallel plan (dp = chips / (tp pp cp))", 1, 65'536},
    option{"--zero", "N", "ZeRO stage (3 = FSDP; default 0)",
           "parallel plan (dp = chips / (tp pp cp))", 0, 3},
    option{"--microbatch", "N", "sequences per microbatch (default 1)",
           "parallel plan (dp = chips / (tp pp cp))", 1, 65'536},
    option{"--global-batch", "N", "sequences per step (default: microbatch x dp)",
           "parallel plan (dp = chips / (tp pp cp))", 1, 16'777'216},
    option{"--recompute", "MODE", "none | selective | full | selective-op (torchtitan per-op SAC); default none",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--precision", "P", "GEMM precision: bf16 | fp16 | fp8 (default bf16)",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--recipe", "R", "bf16 (FP32 master; default) | bf16-fp32-grads | fp8 | pure-bf16",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--optimizer", "O", "adam (default) | sgd-momentum | sgd | adafactor",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--unfused-attention", "", "attention scores go through HBM (no FlashAttention)",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--dropout", "", "dropout masks are stored (GPT-3-era models)",
           "parallel plan (dp = chips / (tp pp cp))"},
    option{"--tp-overlap", "F", "fraction of TP communication hidden behind GEMMs (default 0)",
           "software and calibration", 0, 1},
    option{"--overlap-pp", "", "pipeline sends hidden behind compute", "software and calibration"},
    option{"--no-overlap-dp", "", "gradients reduced after the backward, not during it",
           "software and calibration"},
    option{"--flat-dp", "", "data-parallel collectives not topology-aware (each NIC carries all)",
           "software and calibration"},
    option{"--no-zero3-prefetch", "", "ZeRO-3 weight gathers not overlapped with compute",
           "software and calibration"},
    option{"--no-overlap-cp", "", "CP gathers K/V before attention, not during it (Llama 3)",
           "software and calibration"},
    option{"--rank-order", "O", "tp-cp-dp-pp (Megatron, default) | tp-cp-pp-dp (Llama 3)",
           "software and calibration"},
    option{"--attention-kernel", "K",
           "calibrated (default) | flash2 | flash3 | cudnn | triton | automatic (cudnn on "
           "Hopper+, flash2 on Ampere): fused attention's published efficiency",
           "software and calibration"},
    option{"--causal-flops", "", "report MFU counting half the attention scores (as executed)",
           "software and calibration"},
    option{"--no-memory-check", "", "estimate even if the memory estimate exceeds the chip's HBM",
           "software and calibration"},
    option{"--gemm-efficiency", "F", "fraction of 16-bit peak a step's GEMMs reach (calibrate)",
           "software and calibration", flopcast::limits::min_efficiency, 1},
    option{"--fp8-gemm-efficiency", "F", "fraction of FP8 peak an FP8 step's GEMMs reach",
           "software and calibration", flopcast::limits::min_efficiency, 1},
    option{"--memory-efficiency", "F", "fraction of HBM bandwidth streaming kernels reach",
           "software and calibration", flopcast::limits::min_efficiency, 1},
};

inline constexpr std::array run_options{
    option{"--tokens", "T", "training tokens: 15.6e12, 15.6T (default: the model card's)", "run", 1,
           flopcast::limits::max_tokens},
    option{"--goodput", "F", "fraction of wall time spent on useful steps (default 1)", "run",
           flopcast::limits::min_goodput, 1},
    option{"--json", "", "print one JSON object instead of the table", "output"},
};

inline std::vector<option> estimate_options() {
  std::vector<option> all(job_options.begin(), job_options.end());
  all.insert(all.end(), run_options.begin(), run_options.end());
  return all;
}

// What a job is: model, cluster, plan and software options, parsed from its options.
struct job {
  flopcast::transformer model{};
  const flopcast::model_card* card = nullptr;  // when --model
  std::string overrides;                       // shape options given with --model
  const flopcast::chip_spec* chip = nullptr;
  int chips = 0;
  flopcast::cluster_spec cluster{};
  flopcast::parallel_plan plan{};
  flopcast::step_options options{};
};

namespace detail {

// The command line's names of recompute modes and GEMM precisions, shared by estimate (one
// value) and search and sweep (lists).
inline constexpr std::array<std::string_view, 4> recompute_names{"none", "selective", "full",
                                                                 "selective-op"};
inline constexpr std::array recompute_modes{flopcast::recompute::none, flopcast::recompute::selective,
                                            flopcast::recompute::full,
                                            flopcast::recompute::selective_op};
inline constexpr std::array<std::string_view, 3> precision_names{"bf16", "fp16", "fp8"};
inline constexpr std::array precision_formats{flopcast::precision::bf16, flopcast::precision::fp16,
                                              flopcast::precision::fp8};

inline std::string quoted_choices(std::span<const std::string_view> names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) s += i + 1 == names.size() ? " or " : ", ";
    s += names[i];
  }
  return s;
}

// The index of `text` among `names`, or a usage_error listing them.
inline std::size_t choose(std::string_view option, const std::string& text,
                          std::span<const std::string_view> names) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (text == names[i]) return i;
  }
  throw usage_error(invalid_value(option, text, quoted_choices(names)));
}

}  // namespace detail

// The spec of a job or run option (for its range).
inline const option& job_option(std::string_view name) {
  for (const option& o : job_options) {
    if (o.name == name) return o;
  }
  for (const option& o : run_options) {
    if (o.name == name) return o;
  }
  throw std::logic_error("flopcast: no option " + std::string(name));
}

inline job make_job(const arguments& a) {
  using namespace flopcast;
  job j;
  // Every size and number is checked against its option's range (option::min, max): the ranges
  // are far beyond real models, clusters and runs, and keep the arithmetic finite.
  const auto integer = [&](std::string_view name, int& field) {
    if (const std::string* v = a.find(name)) field = to_int_in(job_option(name), *v);
  };
  const auto number = [&](std::string_view name, double& field) {
    if (const std::string* v = a.find(name)) field = to_number_in(job_option(name), *v);
  };

  // ---- Model.
  if (const std::string* name = a.find("--model")) {
    j.card = &model_or_usage_error(*name);
    j.model = j.card->shape;
  } else {
    std::string missing;
    for (std::string_view need : {"--layers", "--hidden", "--heads", "--vocab", "--seq"}) {
      if (!a.has(need)) missing += (missing.empty() ? "" : ", ") + std::string(need);
    }
    if (!missing.empty()) {
      throw usage_error("give --model NAME or a custom shape; missing " + missing);
    }
    j.model.name = "custom shape";
  }
  transformer& m = j.model;
  integer("--layers", m.layers);
  integer("--hidden", m.hidden);
  integer("--heads", m.heads);
  integer("--kv-heads", m.kv_heads);
  integer("--head-dim", m.head_dim);
  integer("--ffn", m.ffn);
  integer("--vocab", m.vocab);
  integer("--seq", m.seq_len);
  if (a.has("--gated-mlp")) m.gated_mlp = true;
  if (a.has("--untied-embeddings")) m.tied_embeddings = false;
  if (a.has("--rotary")) m.positions = position_kind::rotary;
  if (a.has("--rms-norm")) m.norm = norm_kind::rms_norm;
  if (a.has("--no-biases")) m.biases = false;
  if (a.has("--parallel-block")) m.parallel_block = true;
  if (a.has("--qkv-bias")) m.qkv_bias = true;
  if (a.has("--qk-norm")) m.qk_norm = qk_norm_kind::per_head;
  if (a.has("--qk-norm-full")) m.qk_norm = qk_norm_kind::full;
  integer("--window", m.sliding_window);
  integer("--global-every", m.global_every);
  integer("--experts", m.moe.experts);
  integer("--top-k", m.moe.top_k);
  integer("--shared-experts", m.moe.shared_experts);
  integer("--expert-ffn", m.moe.expert_ffn);
  integer("--shared-expert-ffn", m.moe.shared_expert_ffn);
  if (a.has("--first-dense-layers")) {
    integer("--first-dense-layers", m.moe.first_dense_layers);
    m.moe.layout = moe_layers::first_k_dense;
  }
  // The shape options given with --model, as parsed ("--layers 128"): every valued one is a
  // whole number, so the output never echoes the text typed.
  if (j.card != nullptr) {
    for (const option& o : job_options) {
      if (o.group != "model" && o.group != "mixture of experts") continue;
      if (o.name == "--model" || !a.has(o.name)) continue;
      j.overrides += (j.overrides.empty() ? "" : " ") + std::string(o.name);
      if (!o.value.empty()) j.overrides += " " + std::to_string(to_int_in(o, *a.find(o.name)));
    }
  }

  // ---- Cluster.
  const std::string* chip_name = a.find("--chip");
  if (chip_name == nullptr) throw usage_error("missing --chip NAME (see flopcast chips)");
  j.chip = &chip_or_usage_error(*chip_name);
  if (!a.has("--chips")) throw usage_error("missing --chips N");
  integer("--chips", j.chips);
  cluster_choice choice;
  if (a.has("--domain")) {
    int d = 0;
    integer("--domain", d);
    choice.domain = d;
  }
  if (a.has("--domain-used")) {
    int u = 0;
    integer("--domain-used", u);
    choice.domain_used = u;
  }
  if (a.has("--scale-out-gbps")) {
    double g = 0.0;
    number("--scale-out-gbps", g);
    choice.scale_out_gbps = g;
  }
  if (const std::string* net = a.find("--network")) {
    std::vector<std::string_view> names;
    for (const flopcast::network_profile* n : flopcast::networks::all) names.push_back(n->key);
    choice.network = flopcast::networks::all[detail::choose("--network", *net, names)];
  }
  j.cluster = cluster_for(*j.chip, j.chips, choice);

  // ---- Plan.
  parallel_plan& p = j.plan;
  integer("--tp", p.tp);
  integer("--pp", p.pp);
  integer("--vp", p.vp);
  integer("--first-stage-layers", p.first_stage_layers);
  integer("--last-stage-layers", p.last_stage_layers);
  integer("--offload-layers", p.offloaded_layers);
  integer("--cp", p.cp);
  integer("--ep", p.ep);
  integer("--zero", p.zero_stage);
  integer("--microbatch", p.microbatch);
  p.sequence_parallel = a.has("--sequence-parallel");
  if (a.has("--global-batch")) {
    integer("--global-batch", p.global_batch);
  } else {
    // One microbatch per replica, in 64 bits: every size is at least 1 by its range.
    const long long mp = 1LL * p.tp * p.pp * p.cp;
    const long long dp = j.chips % mp == 0 ? j.chips / mp : 1;
    const long long batch = 1LL * p.microbatch * dp;
    const option& spec = job_option("--global-batch");
    if (static_cast<double>(batch) > spec.max) {
      throw usage_error(
          "the default global batch, microbatch x dp = " + group_thousands(std::to_string(batch)) +
          " sequences, is outside " + range_text(spec) + "; give --global-batch N");
    }
    p.global_batch = static_cast<int>(batch);
  }
  if (const std::string* v = a.find("--recompute")) {
    p.recompute_mode = detail::recompute_modes[detail::choose("--recompute", *v,
                                                              detail::recompute_names)];
  }
  if (const std::string* v = a.find("--precision")) {
    p.compute = detail::precision_formats[detail::choose("--precision", *v,
                                                         detail::precision_names)];
  }
  if (const std::string* v = a.find("--recipe")) {
    static constexpr std::array<std::string_view, 4> names{"bf16", "bf16-fp32-grads", "fp8",
                                                           "pure-bf16"};
    static constexpr std::array list{recipes::bf16_fp32_master,
                                     recipes::bf16_fp32_master_fp32_grads, recipes::fp8_bf16_master,
                                     recipes::pure_bf16};
    p.recipe = list[detail::choose("--recipe", *v, names)];
  }
  if (const std::string* v = a.find("--optimizer")) {
    static constexpr std::array<std::string_view, 4> names{"adam", "sgd-momentum", "sgd",
                                                           "adafactor"};
    static constexpr std::array list{optimizer::adam, optimizer::sgd_momentum, optimizer::sgd,
                                     optimizer::adafactor};
    p.opt = list[detail::choose("--optimizer", *v, names)];
  }
  if (a.has("--unfused-attention")) p.fused_attention = false;
  if (a.has("--dropout")) p.dropout = true;

  // ---- Software options and calibration.
  step_options& o = j.options;
  number("--tp-overlap", o.tp_overlap);
  number("--goodput", o.goodput);
  if (a.has("--overlap-pp")) o.overlap_pp = true;
  if (a.has("--no-overlap-dp")) o.overlap_dp = false;
  if (a.has("--flat-dp")) o.hierarchical_dp = false;
  if (a.has("--no-zero3-prefetch")) o.zero3_prefetch = false;
  if (a.has("--no-overlap-cp")) o.overlap_cp = false;
  if (const std::string* v = a.find("--rank-order")) {
    static constexpr std::array<std::string_view, 2> names{"tp-cp-dp-pp", "tp-cp-pp-dp"};
    static constexpr std::array orders{rank_order::tp_cp_dp_pp, rank_order::tp_cp_pp_dp};
    o.order = orders[detail::choose("--rank-order", *v, names)];
  }
  if (const std::string* v = a.find("--attention-kernel")) {
    static constexpr std::array<std::string_view, 6> names{"calibrated", "flash2", "flash3",
                                                           "cudnn", "triton", "automatic"};
    static constexpr std::array kernels{attention_kernel::calibrated, attention_kernel::flash2,
                                        attention_kernel::flash3, attention_kernel::cudnn,
                                        attention_kernel::triton, attention_kernel::automatic};
    o.attention = kernels[detail::choose("--attention-kernel", *v, names)];
  }
  if (a.has("--causal-flops")) o.mask = attention_mask::causal_skip;
  if (a.has("--no-memory-check")) o.check_memory = false;
  if (a.has("--gemm-efficiency") || a.has("--fp8-gemm-efficiency") ||
      a.has("--memory-efficiency")) {
    chip_calibration cal = default_calibration(*j.chip);
    number("--gemm-efficiency", cal.gemm_efficiency);
    number("--fp8-gemm-efficiency", cal.fp8_gemm_efficiency);
    number("--memory-efficiency", cal.memory_efficiency);
    cal.family = "user-supplied";
    cal.evidence = "--gemm-efficiency / --fp8-gemm-efficiency / --memory-efficiency";
    o.calibration = cal;
  }
  return j;
}

inline flopcast::chip_calibration calibration_of(const job& j) {
  return j.options.calibration ? *j.options.calibration : flopcast::default_calibration(*j.chip);
}

// ---- When the estimate has no answer ------------------------------------------------------------

// The numbers behind a reason, where they help ("heads 160, tp 7").
inline std::string reason_detail(const flopcast::reason& why, const job& j) {
  using namespace flopcast;
  const std::string_view code = why.code;
  const parallel_plan& p = j.plan;
  const transformer& m = j.model;
  const auto s = [](long long v) { return std::to_string(v); };
  if (code == "plan_tp_does_not_divide_heads") return "heads " + s(m.heads) + ", tp " + s(p.tp);
  if (code == "plan_tp_does_not_divide_kv_heads") {
    return "KV heads " + s(m.key_value_heads()) + ", tp " + s(p.tp);
  }
  if (code == "plan_chips_not_divisible") {
    return "chips " + s(j.chips) + ", tp x pp x cp = " + s(1LL * p.tp * p.pp * p.cp);
  }
  if (code == "plan_layers_not_divisible" || code == "plan_more_chunks_than_layers" ||
      code == "plan_stage_layers_out_of_range") {
    return "layers " + s(m.layers) + ", pp x vp = " + s(1LL * p.pp * p.vp) +
           ", first/last stage layers " + s(p.first_stage_layers) + "/" + s(p.last_stage_layers);
  }
  if (code == "plan_offloaded_layers_out_of_range") {
    return "offloaded layers " + s(p.offloaded_layers) + ", layers on the first stage " +
           s(flopcast::pipeline_split_of(m, p).first);
  }
  if (code == "plan_batch_not_divisible") {
    return "global batch " + s(p.global_batch) +
           ", microbatch x dp = " + s(1LL * p.microbatch * data_parallel(p, j.chips));
  }
  if (code == "plan_ep_does_not_divide_experts") {
    return "experts " + s(m.moe.experts) + ", ep " + s(p.ep);
  }
  if (code == "plan_ep_exceeds_dp_cp") {
    return "ep " + s(p.ep) + ", dp x cp = " + s(1LL * data_parallel(p, j.chips) * p.cp);
  }
  if (code == "plan_cp_does_not_divide_sequence") {
    return "sequence " + s(m.seq_len) + ", 2 x cp = " + s(2LL * p.cp);
  }
  if (code == "plan_does_not_fit_in_memory") {
    const memory_breakdown<double> mem = plan_memory_per_chip(m, p, j.chips);
    const double have = j.chip->memory_per_accelerator().in(gigabytes);
    return "estimate " + fixed(mem.total().in(gigabytes), 1) + " GB per chip (model state " +
           fixed(mem.model_state().in(gigabytes), 1) + ", activations " +
           fixed(mem.activations.in(gigabytes), 1) + "); usable " +
           fixed(usable_memory(j.cluster.chip).in(gigabytes), 1) + " of " + fixed(have, 0) +
           " GB. Try more tp/pp, --zero, --recompute, or --no-memory-check";
  }
  if (code == "precision_not_supported_by_chip") {
    return std::string(j.chip->name) + " has no published " + std::string(name(p.compute)) +
           " peak";
  }
  if (code == "cluster_domain_used_out_of_range") {
    std::string m = "--domain-used ";
    m.append(s(j.cluster.scale_up.used)).append(" on a ");
    m.append(s(j.cluster.scale_up.size)).append("-accelerator domain (--domain sets it)");
    return m;
  }
  if (code == "cluster_needs_scale_out") {
    return "no NIC rate is known for " + std::string(j.chip->name) + " beyond its " +
           s(j.cluster.scale_up.size) + "-chip domain; give --scale-out-gbps G";
  }
  if (code == "cluster_domain_exceeds_link_maximum" && j.cluster.scale_up.link.domain_max) {
    return "domain " + s(j.cluster.scale_up.size) + ", " +
           std::string(j.cluster.scale_up.link.name) + " supports up to " +
           s(*j.cluster.scale_up.link.domain_max);
  }
  return {};
}

// "invalid plan: <sentence> [code]" and the numbers, on `err`; exit status 1.
inline int report_reason(std::ostream& err, std::string_view command, const flopcast::reason& why,
                         const job& j) {
  const std::string_view code = why.code;
  std::string_view what = "invalid plan";
  if (code.starts_with("model_") || code.starts_with("moe_")) what = "invalid model shape";
  if (code.starts_with("cluster_") || code.starts_with("link_")) what = "invalid cluster";
  err << "flopcast " << command << ": " << what << ": " << why.message << " [" << code << "]\n";
  const std::string detail = reason_detail(why, j);
  if (!detail.empty()) err << "  " << detail << '\n';
  return 1;
}

// Plan products the CLI checks before the library sees the plan, in 64 bits: tp x pp x cp
// within the chips, pp x vp within the layers. A plan that breaks one is invalid in the
// library's own terms (the reason it would give); everything else is the library's to judge.
inline const flopcast::reason* plan_precheck(const job& j) {
  const flopcast::parallel_plan& p = j.plan;
  if (1LL * p.tp * p.pp * p.cp > j.chips) return &flopcast::reasons::plan_chips_not_divisible;
  if (j.model.layers > 0 && 1LL * p.pp * p.vp > j.model.layers) {
    return &flopcast::reasons::plan_more_chunks_than_layers;
  }
  return nullptr;
}

// ---- Printing -----------------------------------------------------------------------------------

// "15.6 T", "450 B", "2.1 M": a count with a decimal suffix.
inline std::string human_count(double v) {
  struct step {
    double scale;
    const char* suffix;
  };
  for (const step& s : {step{1e12, " T"}, step{1e9, " B"}, step{1e6, " M"}, step{1e3, " k"}}) {
    if (std::fabs(v) >= s.scale) return significant(v / s.scale, 3) + s.suffix;
  }
  return significant(v, 3);
}

inline std::string model_label(const job& j) {
  std::string s(j.model.name);
  if (j.card != nullptr) {
    s += " (" + std::string(j.card->key);
    if (!j.overrides.empty()) s += " with " + j.overrides;
    s += ")";
  }
  return s;
}

inline std::string shape_summary(const flopcast::transformer& m) {
  std::string s = human_count(flopcast::total_parameters(m)) + " parameters, " +
                  std::to_string(m.layers) + " layers, hidden " + std::to_string(m.hidden) + ", " +
                  std::to_string(m.heads) + " heads";
  if (m.key_value_heads() != m.heads) s += " (" + std::to_string(m.key_value_heads()) + " KV)";
  if (m.is_moe()) {
    s +=
        ", " + std::to_string(m.moe.experts) + " experts (top " + std::to_string(m.moe.top_k) + ")";
  }
  s += ", sequence " + std::to_string(m.seq_len);
  return s;
}

inline std::string plan_summary(const job& j, const flopcast::step_breakdown& b) {
  const flopcast::parallel_plan& p = j.plan;
  std::string s = "TP " + std::to_string(p.tp) + (p.sequence_parallel ? " (SP)" : "") + ", PP " +
                  std::to_string(p.pp);
  if (p.vp > 1) s += " x v " + std::to_string(p.vp);
  s += ", CP " + std::to_string(p.cp) + ", EP " + std::to_string(p.ep) + ", DP " +
       fixed(b.data_parallel, 0) + "; ZeRO " + std::to_string(p.zero_stage) + "; recompute " +
       std::string(flopcast::name(p.recompute_mode)) + "; " + std::string(flopcast::name(p.compute)) + " GEMMs";
  return s;
}

inline std::string batch_summary(const job& j, const flopcast::step_breakdown& b) {
  const flopcast::parallel_plan& p = j.plan;
  return fixed(p.global_batch, 0) + " sequences (" + human_count(b.tokens_per_step) +
         " tokens) per step; microbatch " + std::to_string(p.microbatch) + ", " +
         fixed(b.microbatches, 0) + " microbatches per pipeline";
}

struct run_figures {
  double tokens = 0.0;
  bool from_card = false;
  double steps = 0.0;
  double days = 0.0;
  double chip_hours = 0.0;
};

inline void print_table(std::ostream& out, const job& j, const flopcast::step_breakdown& b,
                        const std::optional<run_figures>& run) {
  using namespace flopcast;
  const chip_calibration cal = calibration_of(j);
  out << "flopcast estimate: " << j.model.name << " on " << fixed(j.chips, 0) << " x "
      << j.chip->name << "\n\n";
  table head({false, true});
  head.row({"model", model_label(j)});
  head.row({"shape", shape_summary(j.model)});
  head.row({"scale-up", describe_scale_up(j.cluster)});
  head.row({"scale-out", describe_scale_out(j.cluster)});
  head.row({"plan", plan_summary(j, b)});
  head.row({"batch", batch_summary(j, b)});
  head.row({"calibration", std::string(cal.family) + ": " + std::string(name(j.plan.compute)) +
                               " GEMM " + percent(gemm_efficiency_at(cal, j.plan.compute)) +
                               " of peak (" + percent(b.gemm_efficiency) +
                               " at this plan's shapes), HBM " +
                               percent(cal.memory_efficiency, 0)});
  head.print(out);

  const double step_s = b.step.in(seconds);
  table t;
  t.heading("\nStep time");
  t.row({"", "seconds", "% of step"});
  for (const flopcast::step_term& c : flopcast::step_terms) {
    const double v = (b.*c.field).in(seconds);
    t.row({std::string(c.label), significant(v, 4), percent(step_s > 0.0 ? v / step_s : 0.0)});
  }
  t.row({"step", significant(step_s, 4), percent(1.0)});

  t.heading("\nThroughput");
  t.row({"tokens/s", fixed(b.tokens_per_s, 0)});
  t.row({"model TFLOP/s per chip", fixed(b.model_flops_per_chip.in(tflop_per_s), 1)});
  t.row({"hardware TFLOP/s per chip", fixed(b.hardware_flops_per_chip.in(tflop_per_s), 1)});
  t.row({"MFU", percent(b.mfu)});
  t.row({"HFU", percent(b.hfu)});

  const double capacity = j.chip->memory_per_accelerator().in(gigabytes);
  t.heading("\nMemory per chip (first pipeline stage)");
  t.row({"", "GB"});
  t.row({"weights", fixed(b.memory.weights.in(gigabytes), 2)});
  t.row({"gradients", fixed(b.memory.gradients.in(gigabytes), 2)});
  t.row({"master weights", fixed(b.memory.master_weights.in(gigabytes), 2)});
  t.row({"optimizer state", fixed(b.memory.optimizer_state.in(gigabytes), 2)});
  t.row({"activations", fixed(b.memory.activations.in(gigabytes), 2)});
  const double total = b.memory.total().in(gigabytes);
  t.row(
      {"total", fixed(total, 2), percent(total / capacity) + " of " + fixed(capacity, 0) + " GB"});

  if (run) {
    t.heading("\nTraining on " + human_count(run->tokens) + " tokens" +
              (run->from_card ? " (the model card's; --tokens to change)" : "") + ", goodput " +
              percent(j.options.goodput, 0));
    t.row({"steps", fixed(run->steps, 0)});
    t.row({"days", fixed(run->days, 1)});
    t.row({"chip-hours", fixed(run->chip_hours, 0)});
  }
  t.print(out);
  const double usable = flopcast::usable_memory(j.cluster.chip).in(flopcast::gigabytes);
  if (!j.options.check_memory && total > usable) {
    out << "\nnote: the memory estimate exceeds the " << fixed(usable, 1)
        << " GB usable of the chip's " << fixed(capacity, 0) << " GB (--no-memory-check)\n";
  }
}

// A calibration's three efficiencies as JSON numbers, their keys after `prefix`.
inline void write_efficiencies(json_writer& w, const flopcast::chip_calibration& c,
                               const std::string& prefix = "") {
  w.number(prefix + "gemm_efficiency", c.gemm_efficiency);
  w.number(prefix + "fp8_gemm_efficiency", c.fp8_gemm_efficiency);
  w.number(prefix + "memory_efficiency", c.memory_efficiency);
}

// The members of `estimate --json` (one estimate) into the open object of `w`.
inline void write_estimate(json_writer& w, const job& j, const flopcast::step_breakdown& b,
                           const std::optional<run_figures>& run) {
  using namespace flopcast;
  w.string("model", j.model.name);
  if (j.card != nullptr) w.string("model_key", j.card->key);
  if (!j.overrides.empty()) w.string("model_overrides", j.overrides);
  w.number("parameters", total_parameters(j.model));
  w.string("chip", j.chip->name);
  w.integer("chips", j.chips);
  w.number("step_time_s", b.step.in(seconds));
  w.number("tokens_per_s", b.tokens_per_s);
  w.number("tokens_per_step", b.tokens_per_step);
  w.number("model_tflops_per_chip", b.model_flops_per_chip.in(tflop_per_s));
  w.number("hardware_tflops_per_chip", b.hardware_flops_per_chip.in(tflop_per_s));
  w.number("mfu", b.mfu);
  w.number("hfu", b.hfu);
  w.number("memory_per_chip_gb", b.memory.total().in(gigabytes));
  if (run) {
    w.number("tokens", run->tokens);
    w.number("steps", run->steps);
    w.number("days", run->days);
    w.number("chip_hours", run->chip_hours);
  } else {
    w.null("tokens");
    w.null("steps");
    w.null("days");
    w.null("chip_hours");
  }
  w.number("goodput", j.options.goodput);
  w.begin_object("breakdown");
  for (const flopcast::step_term& c : flopcast::step_terms) w.number(c.key, (b.*c.field).in(seconds));
  w.end_object();
  w.begin_object("memory_gb");
  w.number("weights", b.memory.weights.in(gigabytes));
  w.number("gradients", b.memory.gradients.in(gigabytes));
  w.number("master_weights", b.memory.master_weights.in(gigabytes));
  w.number("optimizer_state", b.memory.optimizer_state.in(gigabytes));
  w.number("activations", b.memory.activations.in(gigabytes));
  w.number("total", b.memory.total().in(gigabytes));
  w.number("capacity", j.chip->memory_per_accelerator().in(gigabytes));
  w.end_object();
  const parallel_plan& p = j.plan;
  w.begin_object("plan");
  w.integer("tp", p.tp);
  w.boolean("sequence_parallel", p.sequence_parallel);
  w.integer("pp", p.pp);
  w.integer("vp", p.vp);
  w.integer("cp", p.cp);
  w.integer("ep", p.ep);
  w.number("dp", b.data_parallel);
  w.integer("zero", p.zero_stage);
  w.integer("microbatch", p.microbatch);
  w.integer("global_batch", p.global_batch);
  w.number("microbatches", b.microbatches);
  w.string("recompute", flopcast::name(p.recompute_mode));
  w.string("precision", name(p.compute));
  w.end_object();
  w.begin_object("cluster");
  w.integer("domain", j.cluster.scale_up.size);
  w.string("scale_up_link", j.cluster.scale_up.link.name);
  w.number("scale_up_gb_per_s_per_direction",
           j.cluster.scale_up_per_direction().in(gigabytes_per_s));
  if (j.cluster.scale_out.shape == topology::none) {
    w.null("scale_out_link");
    w.null("scale_out_gbps");
  } else {
    w.string("scale_out_link", j.cluster.scale_out.link.name);
    w.number("scale_out_gbps", j.cluster.scale_out_per_direction().in(gigabits_per_s));
  }
  w.end_object();
  const chip_calibration cal = calibration_of(j);
  w.begin_object("calibration");
  w.string("family", cal.family);
  write_efficiencies(w, cal);
  w.number("gemm_efficiency_at_plan", b.gemm_efficiency);
  w.end_object();
}

inline void print_json(std::ostream& out, const job& j, const flopcast::step_breakdown& b,
                       const std::optional<run_figures>& run) {
  json_writer w(out);
  write_estimate(w, j, b, run);
  w.finish();
}

// The first printed figure of an estimate that is not a finite number, or a step time that is
// not positive, by its JSON key; empty when every figure is fine. Status 0 never prints "inf",
// "nan" or a "-" for a figure: such an estimate is reported as having no answer (status 1).
inline std::string bad_figure(const job& j, const flopcast::step_breakdown& b,
                              const std::optional<run_figures>& run) {
  using namespace flopcast;
  const double step = b.step.in(seconds);
  if (!(step > 0.0) || !std::isfinite(step)) return "step_time_s = " + json_number(step);
  std::vector<std::pair<std::string, double>> figures{
      {"parameters", total_parameters(j.model)},
      {"tokens_per_s", b.tokens_per_s},
      {"tokens_per_step", b.tokens_per_step},
      {"model_tflops_per_chip", b.model_flops_per_chip.in(tflop_per_s)},
      {"hardware_tflops_per_chip", b.hardware_flops_per_chip.in(tflop_per_s)},
      {"mfu", b.mfu},
      {"hfu", b.hfu},
      {"memory_gb.weights", b.memory.weights.in(gigabytes)},
      {"memory_gb.gradients", b.memory.gradients.in(gigabytes)},
      {"memory_gb.master_weights", b.memory.master_weights.in(gigabytes)},
      {"memory_gb.optimizer_state", b.memory.optimizer_state.in(gigabytes)},
      {"memory_gb.activations", b.memory.activations.in(gigabytes)},
      {"memory_gb.total", b.memory.total().in(gigabytes)},
      {"plan.dp", b.data_parallel},
      {"plan.microbatches", b.microbatches},
      {"calibration.gemm_efficiency_at_plan", b.gemm_efficiency},
  };
  for (const flopcast::step_term& c : flopcast::step_terms) {
    figures.emplace_back(std::string("breakdown.").append(c.key), (b.*c.field).in(seconds));
  }
  if (run) {
    figures.emplace_back("tokens", run->tokens);
    figures.emplace_back("steps", run->steps);
    figures.emplace_back("days", run->days);
    figures.emplace_back("chip_hours", run->chip_hours);
  }
  for (const auto& [key, v] : figures) {
    if (!std::isfinite(v)) return key + " = " + json_number(v);
  }
  if (!(b.mfu > 0.0 && b.hfu > 0.0 && b.tokens_per_s > 0.0)) {
    return "mfu = " + json_number(b.mfu) + ", tokens_per_s = " + json_number(b.tokens_per_s);
  }
  return {};
}

// "no finite estimate: <figure> [estimate_not_finite]" on `err`; exit status 1.
inline int report_bad_figure(std::ostream& err, std::string_view command,
                             const std::string& figure) {
  err << "flopcast " << command << ": no answer: the estimate is not a finite positive number ("
      << figure << "); an input sits at an extreme of its range [estimate_not_finite]\n";
  return 1;
}

// ---- The command
// ----------------------------------------------------------------------------------

inline void estimate_help(std::ostream& out) {
  out << estimate_usage << "\n\n"
      << "Estimates one training step of a transformer on a cluster under a parallel plan: where\n"
         "the time goes (compute, memory-bound kernels, exposed TP/CP/EP/PP/DP communication,\n"
         "pipeline bubble, optimizer), tokens/s, model and hardware TFLOP/s per chip, MFU, HFU,\n"
         "memory per chip, and the days and chip-hours to train on --tokens tokens.\n"
         "Exit status: 0 estimate printed; 1 the plan, model or cluster is invalid, or the\n"
         "estimate is not a finite number (the reason is printed); 2 bad arguments.\n"
         "A numeric option's valid range follows its help, as [least, most].\n";
  const std::vector<option> all = estimate_options();
  print_options(out, all);
  out << "\nexample:\n"
         "  flopcast estimate --model llama3-405b --layers 128 --chip h100 --chips 16384 --tp 8 "
         "\\\n"
         "      --sequence-parallel --pp 16 --vp 2 --zero 2 --global-batch 2048 --tokens 15.6T \\\n"
         "      --no-memory-check\n";
}

inline int estimate_command(std::span<const std::string> words, std::ostream& out,
                            std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = estimate_options();
  const arguments a = parse(words, all, 0);
  job j = make_job(a);
  std::optional<double> tokens;
  bool from_card = false;
  if (const std::string* v = a.find("--tokens")) {
    tokens = to_number_in(job_option("--tokens"), *v, true);
  } else if (j.card != nullptr && j.card->training_tokens) {
    tokens = *j.card->training_tokens;
    from_card = true;
  }

  if (const result<cluster_spec> c = try_check(j.cluster); !c) {
    return report_reason(err, "estimate", *c.error(), j);
  }
  if (const reason* why = plan_precheck(j)) return report_reason(err, "estimate", *why, j);
  step_breakdown b;
  std::optional<run_figures> run;
  if (tokens) {
    const result<run_estimate> r =
        try_estimate_run(j.model, j.cluster, j.chips, j.plan, *tokens, j.options);
    if (!r) return report_reason(err, "estimate", *r.error(), j);
    b = r.value().step;
    run = run_figures{*tokens, from_card, r.value().steps, r.value().wall_time.in(days),
                      r.value().chip_time.in(hours)};
  } else {
    const result<step_breakdown> r =
        try_estimate_step(j.model, j.cluster, j.chips, j.plan, j.options);
    if (!r) return report_reason(err, "estimate", *r.error(), j);
    b = r.value();
  }
  if (const std::string bad = bad_figure(j, b, run); !bad.empty()) {
    return report_bad_figure(err, "estimate", bad);
  }
  if (a.has("--json")) {
    print_json(out, j, b, run);
  } else {
    print_table(out, j, b, run);
  }
  return 0;
}

}  // namespace flopcast_cli
