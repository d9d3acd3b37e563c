// Fuzz target: hostile input to every public entry point of the library.
//
// Each input builds a model, a cluster (from a catalog chip or a described one), a chip count, a
// plan and step options, mostly plausible and often broken in one or more fields (NaN,
// infinities, denormals, 0, negatives, INT_MAX, 2^k), and calls the checked entry points:
// try_checked (model), try_check (cluster), find_problem (plan), try_estimate_step,
// try_estimate_run, fit_calibration, try_estimate_training_time, try_training_flops,
// try_implied_utilization, simd::training_wall_time, estimate_steps (the batched step model,
// lane by lane against try_estimate_step), try_prefill, try_decode_step,
// try_weight_bytes_per_gpu, and the catalogs' name lookups.
// Properties: no crash, no sanitizer report, no hang (the harness' watchdog); every failure
// carries a reason with a code and a message; every success is finite and in range (times > 0,
// MFU > 0 and, against the FLOPs the kernels execute, utilization <= 1; memory > 0).
#include <flopcast/flopcast.hpp>
#include <flopcast/estimate/fit.hpp>
#include <flopcast/sweep/batch.hpp>
#include <flopcast/sweep/step_batch.hpp>
#include <flopcast/workload/lookup.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "harness.hpp"

namespace {

using namespace flopcast;
using flopcast_fuzz::entropy;

std::string show(double x) { return std::to_string(x); }

// What the step-model inputs came to, printed at exit: a fuzzer that never reaches an answer
// tests nothing, so the answered share is part of the report.
struct tally {
  long answered = 0;
  std::map<std::string, long> refused;
  ~tally() {
    long total = answered;
    for (const auto& [code, n] : refused) total += n;
    if (total == 0) return;
    std::printf("fuzz_library: try_estimate_step answered %ld of %ld inputs; refused by reason:\n",
                answered, total);
    for (const auto& [code, n] : refused) std::printf("  %-48s %ld\n", code.c_str(), n);
    std::fflush(stdout);
    // About 14% are answered with the generators as written (seed 20261202: 9,964 of 70,268).
    flopcast_fuzz::require_answered_share("fuzz_library", answered, total, 10000, 0.05);
  }
};
tally steps;

template <class T>
void check_failure(const result<T>& r, const char* where) {
  FUZZ_CHECK(r.error() != nullptr, where);
  FUZZ_CHECK(r.error()->code != nullptr && r.error()->code[0] != '\0', where);
  FUZZ_CHECK(r.error()->message != nullptr && r.error()->message[0] != '\0', where);
}

// ---- Generators ---------------------------------------------------------------------------------

// Mostly a real shape (a catalog model, or one built to divide evenly); often one field broken.
transformer make_model(entropy& in) {
  transformer m;
  if (in.coin()) {
    m = models::all[in.below(models::all.size())]->shape;
  } else {
    const int heads = 1 << in.pick(8);
    m.layers = 1 + in.pick(128);
    m.heads = heads;
    m.hidden = heads * (32 << in.pick(4));
    m.kv_heads = in.coin() ? 0 : heads >> in.pick(4);
    if (m.kv_heads == 0 && in.coin(4)) m.kv_heads = 1;
    m.ffn = in.coin() ? 0 : m.hidden * (1 + in.pick(6));
    m.gated_mlp = in.coin();
    m.vocab = 1000 + in.pick(256000);
    m.seq_len = 128 << in.pick(10);
    m.tied_embeddings = in.coin();
    m.positions = static_cast<position_kind>(in.pick(5));
    m.norm = static_cast<norm_kind>(in.pick(2));
    m.biases = in.coin();
    if (in.coin(4)) {
      m.moe.experts = 1 << in.pick(8);
      m.moe.top_k = 1 + in.pick(m.moe.experts < 8 ? m.moe.experts : 8);
      m.moe.shared_experts = in.pick(3);
      m.moe.expert_ffn = in.coin() ? 0 : 256 << in.pick(4);
      if (in.coin(3)) {
        m.moe.layout = moe_layers::first_k_dense;
        m.moe.first_dense_layers = in.pick(m.layers);
      }
      if (m.moe.shared_experts > 0 && in.coin()) m.moe.shared_expert_ffn = 512 << in.pick(6);
    }
    // Issue 9's variants.
    m.parallel_block = in.coin(4);
    m.qkv_bias = in.coin(4);
    m.qk_norm = static_cast<qk_norm_kind>(in.pick(3));
    if (in.coin(3)) {
      m.sliding_window = 64 << in.pick(10);
      if (in.coin()) m.global_every = 1 + in.pick(m.layers);
    }
  }
  const int broken = in.coin(4) ? 1 + in.pick(3) : 0;
  for (int i = 0; i < broken; ++i) {
    switch (in.pick(25)) {
      case 20: m.sliding_window = in.size_like(1 << 14); break;
      case 21: m.global_every = in.size_like(8); break;
      case 22: m.moe.shared_expert_ffn = in.size_like(1 << 14); break;
      case 23: m.qk_norm = static_cast<qk_norm_kind>(in.pick(256)); break;
      case 24: m.parallel_block = !m.parallel_block, m.qkv_bias = !m.qkv_bias; break;
      case 0: m.layers = in.size_like(128); break;
      case 1: m.hidden = in.size_like(1 << 16); break;
      case 2: m.heads = in.size_like(128); break;
      case 3: m.kv_heads = in.size_like(128); break;
      case 4: m.head_dim = in.size_like(256); break;
      case 5: m.ffn = in.size_like(1 << 17); break;
      case 6: m.vocab = in.size_like(1 << 18); break;
      case 7: m.seq_len = in.size_like(1 << 17); break;
      case 8: m.moe.experts = in.size_like(256); break;
      case 9: m.moe.top_k = in.size_like(16); break;
      case 10: m.moe.shared_experts = in.size_like(4); break;
      case 11: m.moe.expert_ffn = in.size_like(1 << 14); break;
      case 12: m.moe.first_dense_layers = in.size_like(8); break;
      case 13: m.moe.layout = static_cast<moe_layers>(in.pick(256)); break;
      case 14: m.attention = static_cast<attention_kind>(in.pick(3)); break;
      case 15: m.mla.kv_lora_rank = in.size_like(1024); break;
      case 16: m.mla.qk_nope_head_dim = in.size_like(256); break;
      case 17: m.mla.qk_rope_head_dim = in.size_like(128); break;
      case 18: m.mla.v_head_dim = in.size_like(256); break;
      default: m.positions = static_cast<position_kind>(in.pick(256)); break;
    }
  }
  return m;
}

std::optional<bandwidth<>> hostile_rate(entropy& in, double typical) {
  if (in.coin()) return std::nullopt;
  return in.real_like(0.0, typical) * bytes_per_s;
}

// A catalog cluster or one built on any catalog chip; sometimes with a described chip whose
// figures are broken; often one or more fields broken.
cluster_spec make_cluster(entropy& in) {
  cluster_spec c = *clusters::all[in.below(clusters::all.size())];
  if (in.coin()) {
    c.chip = *all_chips[in.below(all_chips.size())];
    c.scale_up.size = c.chip.scale_up.domain_typical;
    c.scale_up.link.domain_max = std::nullopt;  // the catalog cluster's link, another chip
  }
  c.count = c.scale_up.size * (1 << in.pick(8));
  if (c.count % c.chip.accelerators != 0) c.count *= c.chip.accelerators;
  if (in.coin(3) || (c.count > c.scale_up.size && !c.chip.scale_out.has_value())) {
    c.count = c.scale_up.size;  // one domain
  }
  if (in.coin(4) && c.chip.scale_out.has_value()) {
    // Racks run partly populated, or whole domains and a partial one (issue 9).
    if (in.coin()) c.scale_up.used = 1 + in.pick(c.scale_up.size);
    c.count += c.chip.accelerators * in.pick(c.scale_up.size);
  }
  const int broken = in.coin(4) ? 1 + in.pick(3) : 0;
  for (int i = 0; i < broken; ++i) {
    switch (in.pick(22)) {
      case 0: c.count = in.size_like(1 << 16); break;
      case 19: c.scale_up.used = in.size_like(80); break;
      case 20:
        c.chip.memory_device = std::nullopt;
        if (in.coin()) c.chip.memory_device = in.real_like(0.0, 300e9) * bytes;
        break;
      case 1: c.scale_up.size = in.size_like(72); break;
      case 2: c.scale_up.efficiency = in.real_like(0.0, 1.0); break;
      case 3: c.scale_out.efficiency = in.real_like(0.0, 1.0); break;
      case 4: c.scale_up.latency = in.real_like(0.0, 1e-5) * seconds; break;
      case 5: c.scale_out.latency = in.real_like(0.0, 1e-5) * seconds; break;
      case 6: c.scale_up.per_direction = hostile_rate(in, 900e9); break;
      case 7: c.scale_up.point_to_point = hostile_rate(in, 900e9); break;
      case 8: c.scale_out.per_direction = hostile_rate(in, 100e9); break;
      case 9: c.scale_out.shape = static_cast<topology>(in.pick(256)); break;
      case 10: c.scale_up.shape = static_cast<topology>(in.pick(8)); break;
      case 11: c.chip.memory = in.real_like(0.0, 300e9) * bytes; break;
      case 12: c.chip.memory_bandwidth = in.real_like(0.0, 8e12) * bytes_per_s; break;
      case 13: c.chip.peak_rates.bf16 = in.real_like(0.0, 2e15) * flop_per_s; break;
      case 14: c.chip.peak_rates.fp8 = in.real_like(0.0, 4e15) * flop_per_s; break;
      case 15: c.chip.accelerators = in.size_like(4); break;
      case 16: c.chip.scale_up.bidirectional = in.real_like(0.0, 1.8e12) * bytes_per_s; break;
      case 17: c.scale_up.half_size = in.real_like(0.0, 1e8) * bytes; break;
      case 18: c.scale_out.half_size = in.real_like(0.0, 1e8) * bytes; break;
      default: c.chip.scale_out = hostile_rate(in, 100e9); break;
    }
  }
  return c;
}

// A power of two up to `most` that divides `n` (1 when n < 1).
int dividing_power(entropy& in, long long n, int most) {
  int v = 1;
  const int tries = in.pick(6);
  for (int i = 0; i < tries && v * 2 <= most && n > 0 && n % (v * 2) == 0; ++i) v *= 2;
  return v;
}

// Mostly a plan that divides the model and the chips; often one or more fields broken.
parallel_plan make_plan(entropy& in, const transformer& m, int chips) {
  parallel_plan p;
  p.tp = dividing_power(in, m.heads > 0 && chips > 0 ? std::min(m.heads, chips) : 1, 8);
  if (chips > 0 && chips % p.tp != 0) p.tp = 1;
  p.sequence_parallel = p.tp > 1 && in.coin();
  const long long left = chips > 0 ? chips / p.tp : 1;
  p.pp = in.coin() ? 1 : dividing_power(in, std::min<long long>(m.layers, left), 32);
  p.vp = p.pp > 1 && in.coin(3) ? dividing_power(in, m.layers / p.pp, 8) : 1;
  if (p.pp > 1 && in.coin(6)) p.vp = 1 + in.pick(8);  // an uneven split, often
  if (p.pp > 1 && in.coin(4)) {
    p.embedding_in_split = in.coin();
    p.loss_in_split = in.coin();
  } else if (p.pp > 1 && in.coin(6)) {
    const int share = std::clamp(m.layers / p.pp, 1, 1 << 20);
    if (in.coin()) p.first_stage_layers = p.vp * (1 + in.pick(2 * share));
    if (in.coin()) p.last_stage_layers = p.vp * (1 + in.pick(2 * share));
  }
  p.cp = in.coin(4) ? dividing_power(in, std::min<long long>(m.seq_len / 2, left / p.pp), 8) : 1;
  const long long dp = chips > 0 ? chips / (static_cast<long long>(p.tp) * p.pp * p.cp) : 1;
  p.ep = m.is_moe() && in.coin() ? dividing_power(in, std::min<long long>(m.moe.experts, dp), 16)
                                 : 1;
  p.zero_stage = in.pick(4);
  p.microbatch = 1 << in.pick(4);
  // Interleaving runs microbatches in groups of pp: mostly a batch that allows it.
  const long long groups = p.vp > 1 && !in.coin(8) ? p.pp : 1;
  const long long batch = p.microbatch * dp * (1 + in.pick(16)) * groups;
  p.global_batch = batch < (1 << 30) ? static_cast<int>(batch) : 1;
  p.recompute_mode = static_cast<recompute>(in.pick(4));
  p.fused_attention = !in.coin(4);
  p.dropout = in.coin(4);
  static constexpr precision formats[] = {precision::bf16, precision::bf16, precision::fp16,
                                          precision::fp8, precision::fp4};
  p.compute = in.one_of(formats);
  static constexpr precision_recipe recipes_[] = {
      recipes::bf16_fp32_master, recipes::bf16_fp32_master_fp32_grads, recipes::fp8_bf16_master,
      recipes::pure_bf16};
  p.recipe = in.one_of(recipes_);
  p.opt = static_cast<optimizer>(in.pick(4));
  const int broken = in.coin(4) ? 1 + in.pick(3) : 0;
  for (int i = 0; i < broken; ++i) {
    switch (in.pick(15)) {
      case 0: p.tp = in.size_like(8); break;
      case 1: p.pp = in.size_like(16); break;
      case 2: p.vp = in.size_like(4); break;
      case 3: p.cp = in.size_like(8); break;
      case 4: p.ep = in.size_like(8); break;
      case 5: p.zero_stage = in.size_like(3); break;
      case 6: p.microbatch = in.size_like(8); break;
      case 7: p.global_batch = in.size_like(4096); break;
      case 8: p.compute = static_cast<precision>(in.pick(256)); break;
      case 9: p.recompute_mode = static_cast<recompute>(in.pick(256)); break;
      case 10: p.opt = static_cast<optimizer>(in.pick(256)); break;
      case 11: p.compute = in.coin() ? precision::fp64 : precision::tf32; break;
      case 12: p.first_stage_layers = in.size_like(16); break;
      case 13: p.last_stage_layers = in.size_like(16); break;
      default: p.tp = p.pp = p.cp = 1 << 22; break;  // the SIGFPE of issue 8
    }
  }
  return p;
}

step_options make_options(entropy& in) {
  step_options o;
  o.tp_overlap = in.coin(4) ? in.real_like(0.0, 1.0) : 0.0;
  o.overlap_dp = !in.coin(4);
  o.overlap_pp = in.coin(4);
  o.overlap_cp = !in.coin(4);
  o.goodput = in.coin(4) ? in.real_like(0.0, 1.0) : 1.0;
  o.mask = in.coin() ? attention_mask::dense : attention_mask::causal_skip;
  o.check_memory = !in.coin(3);
  o.hierarchical_dp = !in.coin(4);
  o.zero3_prefetch = !in.coin(4);
  o.order = in.coin() ? rank_order::tp_cp_dp_pp : rank_order::tp_cp_pp_dp;
  o.attention = static_cast<attention_kernel>(in.pick(6));
  if (in.coin(5)) {
    chip_calibration c;
    c.gemm_efficiency = in.real_like(0.0, 1.0);
    c.fp8_gemm_efficiency = in.real_like(0.0, 1.0);
    c.memory_efficiency = in.real_like(0.0, 1.0);
    o.calibration = c;
  }
  if (in.coin(50)) o.order = static_cast<rank_order>(in.pick(256));
  if (in.coin(50)) o.attention = static_cast<attention_kernel>(in.pick(256));
  return o;
}

// ---- Properties ---------------------------------------------------------------------------------

void check_step(const step_breakdown& b, const transformer& m, const parallel_plan& p,
                const step_options& o) {
  using limits::finite;
  using limits::finite_positive;
  const double step = b.step.in(seconds);
  FUZZ_CHECK(finite_positive(step), "step " + show(step));
  double sum = 0.0;
  for (const step_term& term : step_terms) {
    const double v = (b.*term.field).in(seconds);
    FUZZ_CHECK(v >= 0.0 && finite(v), "breakdown term " + show(v));
    FUZZ_CHECK(v <= step * (1.0 + 1e-9), "term " + show(v) + " > step " + show(step));
    sum += v;
  }
  // The breakdown is the step, term by term.
  FUZZ_CHECK(std::fabs(sum - step) <= 1e-9 * step, "terms sum to " + show(sum) + ", step " + show(step));
  FUZZ_CHECK(finite_positive(b.mfu) && finite_positive(b.hfu), "mfu " + show(b.mfu));
  FUZZ_CHECK(finite_positive(b.tokens_per_s), "tokens/s " + show(b.tokens_per_s));
  FUZZ_CHECK(finite_positive(b.memory.total().in(bytes)), "memory");
  FUZZ_CHECK(b.gemm_efficiency > 0.0 && b.gemm_efficiency <= 1.0, "gemm eta");
  // Against the FLOPs the kernels execute (a fused causal kernel skips half the scores), the
  // chips cannot run above their peak: hardware utilization <= 1. MFU in the convention asked
  // for is that scaled by counted / executed model FLOPs.
  const attention_mask executed =
      p.fused_attention ? attention_mask::causal_skip : attention_mask::dense;
  const double seqs = static_cast<double>(p.global_batch), s = static_cast<double>(m.seq_len);
  const auto counted = flops_per_step<double>(m, seqs, s, p.recompute_mode, o.mask);
  const auto run = flops_per_step<double>(m, seqs, s, p.recompute_mode, executed);
  const double executed_hfu = b.hfu * (run.hardware() / counted.hardware());
  FUZZ_CHECK(executed_hfu <= 1.0 + 1e-9, "executed hardware utilization " + show(executed_hfu));
  if (o.mask == executed) FUZZ_CHECK(b.mfu <= 1.0 + 1e-9, "mfu " + show(b.mfu));
}

void fuzz_step(entropy& in) {
  const transformer m = make_model(in);
  const result<transformer> mr = try_checked(m);
  if (!mr) check_failure(mr, "try_checked(model)");
  if (mr) {
    const double n = total_parameters(m);
    FUZZ_CHECK(limits::finite_positive(n), "parameters " + show(n));
  }

  const cluster_spec c = make_cluster(in);
  const result<cluster_spec> cr = try_check(c);
  if (!cr) check_failure(cr, "try_check(cluster)");

  int chips = c.count;
  if (in.coin(4)) chips = c.count / (1 << in.pick(4));
  if (in.coin(20)) chips = in.size_like(1 << 16);
  const parallel_plan p = make_plan(in, m, chips);
  const step_options o = make_options(in);

  if (mr && cr) (void)find_problem(m, p, c, chips, o.check_memory);

  const result<step_breakdown> r = try_estimate_step(m, c, chips, p, o);
  if (!r) {
    check_failure(r, "try_estimate_step");
    ++steps.refused[r.error()->code];
  } else {
    ++steps.answered;
    FUZZ_CHECK(mr && cr, "an estimate for an invalid model or cluster");
    check_step(r.value(), m, p, o);
  }

  // The batched step model (sweep/step_batch.hpp): the same model, cluster and options with this
  // plan and a few others, any count (every tail length); each lane is the scalar path's answer,
  // bit for bit, or its reason.
  if (in.coin(4)) {
    std::vector<parallel_plan> plans{p};
    const std::size_t more = in.below(12);
    for (std::size_t i = 0; i < more; ++i) plans.push_back(make_plan(in, m, chips));
    std::vector<step_breakdown> out(plans.size());
    std::vector<const reason*> why(plans.size());
    const std::size_t refused = estimate_steps(m, c, chips, plans, o, out, why);
    std::size_t counted = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const result<step_breakdown> one = try_estimate_step(m, c, chips, plans[i], o);
      if (!one) {
        ++counted;
        FUZZ_CHECK(why[i] == one.error(), std::string("batched reason ") +
                                              (why[i] ? why[i]->code : "none") + " vs scalar " +
                                              one.error()->code);
        continue;
      }
      FUZZ_CHECK(why[i] == nullptr, "a batched lane refused where the scalar path answers");
      FUZZ_CHECK(out[i].step.in(seconds) == one.value().step.in(seconds),
                 "batched step " + show(out[i].step.in(seconds)) + " vs scalar " +
                     show(one.value().step.in(seconds)));
      FUZZ_CHECK(out[i].memory.total().in(bytes) == one.value().memory.total().in(bytes),
                 "batched memory differs");
      for (const step_term& t : step_terms) {
        FUZZ_CHECK((out[i].*t.field).in(seconds) == (one.value().*t.field).in(seconds),
                   std::string("batched ") + std::string(t.key) + " differs");
      }
    }
    FUZZ_CHECK(refused == counted, "batched refusal count");
  }

  const double tokens = in.coin() ? 1e12 : in.real_like(1.0, 1e14);
  const result<run_estimate> run = try_estimate_run(m, c, chips, p, tokens, o);
  if (!run) {
    check_failure(run, "try_estimate_run");
  } else {
    FUZZ_CHECK(r.ok(), "a run estimate without a step estimate");
    const double wall = run.value().wall_time.in(seconds);
    FUZZ_CHECK(limits::finite_positive(wall), "wall time " + show(wall));
    FUZZ_CHECK(limits::finite_positive(run.value().chip_time.in(seconds)), "chip time");
  }

  // The fit is ~1,000 estimates per measurement: one input in 40.
  if (in.coin(40)) {
    std::vector<step_measurement> data;
    const int n = in.pick(4);
    for (int i = 0; i < n; ++i) {
      const double measured =
          r && in.coin() ? r.value().step.in(seconds) * in.log_uniform(0.5, 2.0)
                         : in.real_like(1e-3, 100.0);
      data.push_back({m, c, chips, in.coin(4) ? make_plan(in, m, chips) : p, o,
                      measured * seconds});
    }
    const result<calibration_fit> f = fit_calibration(data);
    if (!f) {
      check_failure(f, "fit_calibration");
    } else {
      const calibration_fit& fit = f.value();
      FUZZ_CHECK(limits::finite(fit.rms_log_error) && fit.rms_log_error >= 0.0, "fit rms");
      FUZZ_CHECK(limits::finite(fit.max_relative_error), "fit max error");
      for (double e : {fit.calibration.gemm_efficiency, fit.calibration.fp8_gemm_efficiency,
                       fit.calibration.memory_efficiency}) {
        FUZZ_CHECK(e >= limits::min_efficiency && e <= 1.0, "fitted efficiency " + show(e));
      }
    }
  }
}

void fuzz_training_time(entropy& in) {
  training_job job;
  job.flops = in.real_like(1e18, 1e27) * flop;
  job.chip = *all_chips[in.below(all_chips.size())];
  if (in.coin(4)) job.chip.peak_rates.bf16 = in.real_like(0.0, 2e15) * flop_per_s;
  job.chips = in.coin() ? static_cast<double>(1 + in.pick(100000)) : in.real_like(1.0, 1e6);
  job.format = static_cast<precision>(in.pick(10));
  job.utilization = in.real_like(0.0, 1.0);
  const result<training_time_estimate> e = try_estimate_training_time(job);
  if (!e) {
    check_failure(e, "try_estimate_training_time");
  } else {
    const double wall = e.value().wall_time.in(seconds);
    FUZZ_CHECK(limits::finite_positive(wall), "training wall time " + show(wall));
  }

  const result<flop_count<>> f = try_training_flops(in.real_like(1.0, 1e13), in.real_like(1.0, 1e14));
  if (!f) {
    check_failure(f, "try_training_flops");
  } else {
    FUZZ_CHECK(limits::finite_positive(f.value().in(flop)), "6ND");
  }

  observed_run run{job.flops, job.chip, job.chips, job.format, in.real_like(1.0, 1e8) * seconds};
  const result<double> u = try_implied_utilization(run);
  if (!u) {
    check_failure(u, "try_implied_utilization");
  } else {
    FUZZ_CHECK(limits::finite_positive(u.value()), "implied utilization " + show(u.value()));
  }

  // The batch path: lane by lane the scalar path's result and reason.
  const std::size_t lanes = in.below(19);
  std::vector<double> flops(lanes), peak(lanes), chips(lanes), mfu(lanes), wall_s(lanes);
  std::vector<const reason*> status(lanes);
  for (std::size_t i = 0; i < lanes; ++i) {
    flops[i] = in.real_like(1e18, 1e27);
    peak[i] = in.real_like(1e12, 2e15);
    chips[i] = in.coin() ? static_cast<double>(1 + in.pick(10000)) : in.real_like(1.0, 1e6);
    mfu[i] = in.real_like(0.0, 1.0);
  }
  const std::size_t bad = simd::training_wall_time(
      {.flops = flops, .peak_per_chip = peak, .chips = chips, .utilization = mfu}, wall_s, status);
  std::size_t counted = 0;
  for (std::size_t i = 0; i < lanes; ++i) {
    chip_spec chip = job.chip;
    chip.peak_rates.bf16 = peak[i] * flop_per_s;
    const result<training_time_estimate> one = try_estimate_training_time(
        {.flops = flops[i] * flop, .chip = chip, .chips = chips[i],
         .format = precision::bf16, .utilization = mfu[i]});
    if (one) {
      FUZZ_CHECK(status[i] == nullptr, "batch lane refused where the scalar path answers");
      FUZZ_CHECK(wall_s[i] == one.value().wall_time.in(seconds), "batch lane differs");
    } else {
      ++counted;
      FUZZ_CHECK(status[i] == one.error(),
                 std::string("batch reason ") + (status[i] ? status[i]->code : "none") +
                     " vs scalar " + one.error()->code);
      FUZZ_CHECK(wall_s[i] != wall_s[i], "an invalid lane is not NaN");
    }
  }
  FUZZ_CHECK(bad == counted, "invalid lane count");
}

// The inference workload (workload/inference.hpp): a refusal carries a reason; an answer has
// finite, positive FLOPs, bytes and weights.
void fuzz_inference(entropy& in) {
  const transformer m = make_model(in);
  // Mostly named enum values; one in 16 of each out of range.
  const auto named = [&](int count) { return in.pick(in.coin(16) ? 256 : count); };
  inference_options o;
  o.weights.linear = static_cast<weight_format>(named(6));
  o.weights.quantize_embeddings = in.coin();
  o.weights.quantize_output = in.coin();
  o.kv = static_cast<weight_format>(named(6));
  o.prefill_mask = static_cast<attention_mask>(named(2));
  o.prefill_latent = static_cast<latent_form>(named(2));
  o.decode_latent = static_cast<latent_form>(named(2));
  const double batch = in.coin() ? 1.0 + in.pick(256) : in.real_like(1.0, 1e9);
  const double context = in.coin() ? static_cast<double>(in.pick(1 << 17)) : in.real_like(0.0, 1e9);
  for (const result<inference_cost<>>& r :
       {try_decode_step(m, batch, context, o), try_prefill(m, batch, context, o)}) {
    if (!r) {
      check_failure(r, "try_decode_step or try_prefill");
    } else {
      FUZZ_CHECK(limits::finite_positive(r.value().flops.total().in(flop)), "inference FLOPs");
      FUZZ_CHECK(limits::finite_positive(r.value().bytes().in(bytes)), "inference bytes");
    }
  }
  // Mostly powers of two (which divide real shapes); one in 8 of each a hostile size.
  const auto size = [&](int typical) {
    return static_cast<double>(in.coin(8) ? in.size_like(typical) : 1 << in.pick(4));
  };
  const inference_sharding<> s{.tp = size(16),
                               .pp = size(8),
                               .ep = m.is_moe() || in.coin(8) ? size(16) : 1.0,
                               .expert_tp = in.coin() ? 0.0 : in.real_like(1.0, 8.0)};
  const result<weight_bytes<>> w = try_weight_bytes_per_gpu(m, o.weights, s);
  if (!w) {
    check_failure(w, "try_weight_bytes_per_gpu");
  } else {
    FUZZ_CHECK(limits::finite_positive(w.value().total().in(bytes)), "weights per GPU");
  }
}

// An error message echoes a hostile name safely: short, printable ASCII only.
void check_message(const invalid_input& e) {
  const std::string m = e.what();
  FUZZ_CHECK(m.size() < 1000, "message of " + std::to_string(m.size()) + " bytes");
  for (char c : m) {
    const auto u = static_cast<unsigned char>(c);
    FUZZ_CHECK(u >= 0x20 && u < 0x7f, "a raw byte in the message");
  }
}

void fuzz_lookups(entropy& in) {
  const std::string name = in.text(in.coin(100) ? 1 << 16 : 24);
  try {
    const model_card& c = models::lookup(name);
    FUZZ_CHECK(!c.key.empty(), "model lookup");
  } catch (const invalid_input& e) {
    FUZZ_CHECK(std::string(e.code()) == "unknown_model", e.code());
    check_message(e);
  }
  (void)models::find(name);
  try {
    (void)chip_named(name);
  } catch (const invalid_input& e) {
    FUZZ_CHECK(std::string(e.code()) == "unknown_chip", e.code());
    check_message(e);
  }
}

void one_input(entropy& in) {
  switch (in.pick(10)) {
    case 0: fuzz_training_time(in); break;
    case 1: fuzz_lookups(in); break;
    case 2: fuzz_inference(in); break;
    default: fuzz_step(in); break;
  }
}

}  // namespace

FLOPCAST_FUZZ_TARGET("fuzz_library", one_input)
