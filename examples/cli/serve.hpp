#pragma once
// `flopcast serve`: time to first token, time per output token, throughput and KV-cache use of a
// model served on catalog chips under a serving plan (flopcast/estimate/serve.hpp). Takes the
// model and cluster options of `flopcast estimate`; --sweep-concurrency prints the
// latency-throughput curve.
#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <flopcast/estimate/serve.hpp>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "estimate.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view serve_usage =
    "usage: flopcast serve (--model NAME | --layers N --hidden N --heads N --vocab N --seq N) "
    "--chip NAME --chips N [--tp N --pp N --ep N] [--weights F] [--kv F] --isl N --osl N "
    "[--concurrency N | --batch N | --sweep-concurrency FROM:TO:xK] "
    "[--prefill-chips N [--prefill-tp N --prefill-pp N --prefill-ep N]] [--json | --csv]";

// Ranges: draft length and acceptance are the library's checks (serve_options_out_of_range);
// the lengths (10 M tokens) and concurrency (100 M requests) are the command line's own typo
// bounds, far beyond any real request.
inline constexpr std::array serve_own_options{
    option{"--tp", "N", "tensor parallel: heads and MLPs split N ways (default 1)", "serving plan",
           1, 65'536},
    option{"--pp", "N", "pipeline stages (default 1)", "serving plan", 1, 65'536},
    option{"--ep", "N", "expert parallel within the tp GPUs (MoE; default 1)", "serving plan", 1,
           65'536},
    option{"--attention-dp", "",
           "attention data parallel: each GPU runs attention on its own requests, experts split "
           "over the group (TensorRT-LLM enable_attention_dp)",
           "serving plan"},
    option{"--weights", "F",
           "weight format: bf16 | fp8 | fp4 (or nvfp4) | mxfp4 | int4, any case (default bf16)",
           "serving plan"},
    option{"--kv", "F", "KV cache format: bf16 | fp8 | fp4 (or nvfp4), any case (default bf16)",
           "serving plan"},
    option{"--isl", "N", "input (prompt) tokens per request", "workload", 1, 10'000'000},
    option{"--osl", "N", "output tokens per request", "workload", 1, 10'000'000},
    option{"--concurrency", "N",
           "requests in flight (default: as many as the KV cache holds); beyond the KV cache "
           "they queue",
           "workload", 1, 100'000'000},
    option{"--batch", "N", "a static batch of N requests (same as --concurrency N)", "workload", 1,
           100'000'000},
    option{"--sweep-concurrency", "FROM:TO:xK",
           "the latency-throughput curve over concurrencies, e.g. 1:1024:x2", "workload"},
    option{"--prefill-chips", "N",
           "disaggregated serving: a separate prefill pool of N GPUs; --chips is then the decode "
           "pool and the KV cache crosses the network",
           "disaggregated serving", 1, 16'777'216},
    option{"--prefill-tp", "N", "the prefill pool's tensor parallel (default: --tp)",
           "disaggregated serving", 1, 65'536},
    option{"--prefill-pp", "N", "the prefill pool's pipeline stages (default: --pp)",
           "disaggregated serving", 1, 65'536},
    option{"--prefill-ep", "N", "the prefill pool's expert parallel (default: --ep)",
           "disaggregated serving", 1, 65'536},
    option{"--draft-tokens", "K", "speculative decoding: tokens drafted per verification", "options",
           0, 64},
    option{"--acceptance", "A", "speculative decoding: chance each drafted token is accepted",
           "options", 0, 0.999},
    option{"--kv-fraction", "F",
           "fraction of the memory left after weights given to the KV cache (default 0.95)",
           "options", 0.01, 1},
    option{"--json", "", "one JSON object (with --sweep-concurrency: an array)", "output"},
    option{"--csv", "", "one CSV row per concurrency (with --sweep-concurrency)", "output"},
};

inline std::vector<option> serve_options() {
  std::vector<option> all;
  for (const option& o : job_options) {
    if (o.group == "model" || o.group == "mixture of experts" || o.group == "cluster") {
      all.push_back(o);
    }
  }
  all.insert(all.end(), serve_own_options.begin(), serve_own_options.end());
  return all;
}

namespace detail {

inline const option& serve_option(std::string_view name) {
  for (const option& o : serve_own_options) {
    if (o.name == name) return o;
  }
  return job_option(name);
}

inline flopcast::weight_format format_option(std::string_view name, const std::string& text,
                                             bool weights) {
  using flopcast::weight_format;
  // Names as the engines and checkpoints spell them, in any case; NVFP4 is fp4.
  static constexpr std::array<std::string_view, 6> weight_names{"bf16", "fp8",  "fp4",
                                                                "mxfp4", "int4", "nvfp4"};
  static constexpr std::array weight_formats{weight_format::bf16,  weight_format::fp8,
                                             weight_format::nvfp4, weight_format::mxfp4,
                                             weight_format::int4_g128, weight_format::nvfp4};
  static constexpr std::array<std::string_view, 4> kv_names{"bf16", "fp8", "fp4", "nvfp4"};
  static constexpr std::array kv_formats{weight_format::bf16, weight_format::fp8,
                                         weight_format::nvfp4, weight_format::nvfp4};
  std::string lower = text;
  for (char& c : lower) c = flopcast::detail::ascii_lower(c);
  const std::span<const std::string_view> names =
      weights ? std::span<const std::string_view>(weight_names) : kv_names;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (lower == names[i]) return weights ? weight_formats[i] : kv_formats[i];
  }
  throw usage_error(invalid_value(name, text, quoted_choices(names)));
}

// The concurrencies of FROM:TO:xK (geometric) or FROM:TO:+K (arithmetic), at most 256.
inline std::vector<double> concurrency_list(const std::string& text) {
  const option& spec = serve_option("--concurrency");
  const auto bad = [&] {
    return usage_error(invalid_value("--sweep-concurrency", text, "FROM:TO:xK or FROM:TO:+K"));
  };
  const std::size_t a = text.find(':');
  const std::size_t b = a == std::string::npos ? a : text.find(':', a + 1);
  if (b == std::string::npos || b + 2 > text.size()) throw bad();
  const double from = to_number_in(spec, text.substr(0, a), true);
  const double to = to_number_in(spec, text.substr(a + 1, b - a - 1), true);
  const char kind = text[b + 1];
  const double step = to_double("--sweep-concurrency", text.substr(b + 2));
  if (to < from || (kind != 'x' && kind != '+') || !(step > (kind == 'x' ? 1.0 : 0.0))) {
    throw bad();
  }
  std::vector<double> out;
  for (double c = from; c <= to; c = kind == 'x' ? std::floor(c * step) : c + step) {
    out.push_back(c);
    if (out.size() > 256) throw usage_error("--sweep-concurrency: at most 256 points");
    if (kind == 'x' && std::floor(c * step) == c) break;
  }
  return out;
}

struct serve_job {
  job base;  // the model and the cluster (make_job)
  flopcast::serving_plan plan{};
  flopcast::serving_workload workload{};
  flopcast::serving_options options{};
  int prefill_chips = 0;  // > 0: disaggregated, with `prefill_plan` on that many GPUs
  flopcast::serving_plan prefill_plan{};
};

inline serve_job make_serve_job(const arguments& a) {
  using namespace flopcast;
  serve_job s;
  s.base = make_job(a);
  const auto integer = [&](std::string_view name, int& field) {
    if (const std::string* v = a.find(name)) field = to_int_in(serve_option(name), *v);
  };
  integer("--tp", s.plan.tp);
  integer("--pp", s.plan.pp);
  integer("--ep", s.plan.ep);
  s.plan.attention_dp = a.has("--attention-dp");
  if (const std::string* v = a.find("--weights")) s.plan.weights = format_option("--weights", *v, true);
  if (const std::string* v = a.find("--kv")) s.plan.kv = format_option("--kv", *v, false);
  for (std::string_view need : {"--isl", "--osl"}) {
    if (!a.has(need)) throw usage_error("missing " + std::string(need) + " N");
  }
  s.workload.input_tokens = to_number_in(serve_option("--isl"), *a.find("--isl"), true);
  s.workload.output_tokens = to_number_in(serve_option("--osl"), *a.find("--osl"), true);
  if (a.has("--concurrency") && a.has("--batch")) {
    throw usage_error("give --concurrency or --batch, not both");
  }
  for (std::string_view name : {"--concurrency", "--batch"}) {
    if (const std::string* v = a.find(name)) {
      s.workload.concurrency = to_number_in(serve_option(name), *v, true);
    }
  }
  if (const std::string* v = a.find("--draft-tokens")) {
    s.options.draft_tokens = to_int_in(serve_option("--draft-tokens"), *v);
  }
  if (const std::string* v = a.find("--acceptance")) {
    s.options.acceptance = to_number_in(serve_option("--acceptance"), *v);
  }
  if (a.has("--acceptance") != a.has("--draft-tokens")) {
    throw usage_error("--draft-tokens and --acceptance go together");
  }
  if (const std::string* v = a.find("--kv-fraction")) {
    s.options.kv_memory_fraction = to_number_in(serve_option("--kv-fraction"), *v);
  }
  s.prefill_plan = s.plan;
  integer("--prefill-chips", s.prefill_chips);
  integer("--prefill-tp", s.prefill_plan.tp);
  integer("--prefill-pp", s.prefill_plan.pp);
  integer("--prefill-ep", s.prefill_plan.ep);
  if (s.prefill_chips == 0) {
    for (std::string_view name : {"--prefill-tp", "--prefill-pp", "--prefill-ep"}) {
      if (a.has(name)) throw usage_error(std::string(name) + " needs --prefill-chips N");
    }
  }
  return s;
}

inline void serve_json_fields(json_writer& w, const flopcast::serving_estimate& e) {
  using namespace flopcast;
  w.number("ttft_s", e.ttft.in(seconds));
  w.number("tpot_s", e.tpot.in(seconds));
  w.number("request_latency_s", e.request_latency.in(seconds));
  w.number("output_tokens_per_s", e.output_tokens_per_s);
  w.number("output_tokens_per_s_per_gpu", e.output_tokens_per_s_per_gpu);
  w.number("output_tokens_per_s_per_user", e.output_tokens_per_s_per_user);
  w.number("max_concurrency_kv", e.max_concurrency_kv * e.replicas);
  w.number("kv_cache_gb_per_gpu", e.kv_cache_per_gpu.in(gigabytes));
  w.number("weights_gb_per_gpu", e.weights_per_gpu.in(gigabytes));
  w.number("batch", e.batch * e.replicas);
  w.number("replicas", e.replicas);
  w.number("iteration_s", e.iteration.in(seconds));
  w.number("compute_s", e.compute.in(seconds));
  w.number("memory_s", e.memory.in(seconds));
  w.number("elementwise_s", e.elementwise.in(seconds));
  w.number("tp_comm_s", e.tp_comm.in(seconds));
  w.number("pp_comm_s", e.pp_comm.in(seconds));
  w.number("ep_comm_s", e.ep_comm.in(seconds));
  w.number("overhead_s", e.overhead.in(seconds));
  w.string("bound", e.memory_bound ? "memory" : "compute");
}

// A disaggregated estimate in the colocated one's fields: the decode pool's capacity, batch and
// iteration, the whole system's latencies and throughput (per GPU: over both pools).
inline flopcast::serving_estimate system_view(const flopcast::disaggregated_estimate& d) {
  flopcast::serving_estimate e = d.decode;
  e.ttft = d.ttft;
  e.tpot = d.tpot;
  e.request_latency = d.request_latency;
  e.output_tokens_per_s = d.output_tokens_per_s;
  e.output_tokens_per_s_per_gpu = d.output_tokens_per_s_per_gpu;
  e.output_tokens_per_s_per_user = d.output_tokens_per_s_per_user;
  return e;
}

inline void disaggregated_json_fields(json_writer& w, const flopcast::disaggregated_estimate& d,
                                      const serve_job& s) {
  using namespace flopcast;
  w.number("prefill_chips", s.prefill_chips);
  w.number("decode_chips", s.base.chips);
  w.string("bottleneck", d.bottleneck);
  w.number("prefill_requests_per_s", d.prefill_requests_per_s);
  w.number("decode_requests_per_s", d.decode_requests_per_s);
  w.number("kv_transfer_requests_per_s", d.transfer_requests_per_s);
  w.number("kv_transfer_s", d.kv_transfer.in(seconds));
}

inline std::string plan_text(const flopcast::serving_plan& p, const flopcast::chip_spec& chip) {
  std::string t = "TP " + std::to_string(p.tp) + ", PP " + std::to_string(p.pp);
  if (p.ep > 1) t += ", EP " + std::to_string(p.ep);
  if (p.attention_dp) t += ", attention DP";
  t += "; weights ";
  t += flopcast::name(p.weights);
  if (flopcast::weight_only_on(p.weights, chip)) {
    t += " (weight-only: ";
    t += flopcast::name(flopcast::serving_matmul_format(p.weights, chip));
    t += " matmuls)";
  }
  t += ", KV ";
  t += flopcast::name(p.kv);
  return t;
}

}  // namespace detail

inline void serve_help(std::ostream& out) {
  out << serve_usage << "\n\n"
      << "Serving a model: time to first token (TTFT), time per output token (TPOT), request\n"
         "latency, output throughput (whole group, per GPU, per user), the KV cache's capacity\n"
         "and the weights per GPU. A continuous-batching engine with chunked prefill is\n"
         "modelled: each iteration carries one decode token per request in flight and the\n"
         "prefill chunks that keep the batch full; its time is the roofline of FLOPs and bytes\n"
         "(weights, KV cache) plus TP/EP communication and per-iteration overheads. Requests\n"
         "beyond what the KV cache holds queue (TTFT grows); they are not refused.\n"
         "With --prefill-chips the serving is disaggregated: prompts run on their own pool,\n"
         "their KV cache crosses to the decode pool (--chips), and the system serves the\n"
         "requests/s of the slowest of prefill, decode and the KV links.\n"
         "Exit status: 0 printed; 1 a plan that cannot run (the reason is printed); 2 bad\n"
         "arguments.\n";
  const std::vector<option> all = serve_options();
  print_options(out, all);
  out << "\nexample:\n"
         "  flopcast serve --model llama3-70b --chip h100 --chips 8 --tp 8 --weights fp8 --kv fp8 "
         "--isl 1000 --osl 1000\n";
}

inline int serve_command(std::span<const std::string> words, std::ostream& out, std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = serve_options();
  const arguments a = parse(words, all, 0);
  detail::serve_job s = detail::make_serve_job(a);
  if (a.has("--json") && a.has("--csv")) throw usage_error("give --json or --csv, not both");
  const bool sweep = a.has("--sweep-concurrency");
  if (sweep && (a.has("--concurrency") || a.has("--batch"))) {
    throw usage_error("--sweep-concurrency replaces --concurrency and --batch");
  }
  if (a.has("--csv") && !sweep) throw usage_error("--csv needs --sweep-concurrency");
  const disaggregated_plan split{.prefill_chips = s.prefill_chips,
                                 .decode_chips = s.base.chips,
                                 .prefill = s.prefill_plan,
                                 .decode = s.plan};
  const auto disaggregated = [&](double concurrency) {
    serving_workload w = s.workload;
    w.concurrency = concurrency;
    return try_estimate_disaggregated(s.base.model, s.base.cluster, split, w, s.options);
  };
  // Colocated, or the disaggregated system seen through the same fields.
  const auto run = [&](double concurrency) -> result<serving_estimate> {
    if (s.prefill_chips > 0) {
      const result<disaggregated_estimate> d = disaggregated(concurrency);
      if (!d) return *d.error();
      return detail::system_view(d.value());
    }
    serving_workload w = s.workload;
    w.concurrency = concurrency;
    return try_estimate_serving(s.base.model, s.base.cluster, s.base.chips, s.plan, w, s.options);
  };
  if (sweep) {
    const std::vector<double> levels = detail::concurrency_list(*a.find("--sweep-concurrency"));
    std::vector<std::pair<double, serving_estimate>> rows;
    for (double c : levels) {
      const result<serving_estimate> r = run(c);
      if (!r) return report_reason(err, "serve", *r.error(), s.base);
      rows.emplace_back(c, r.value());
    }
    if (a.has("--csv")) {
      out << "concurrency,ttft_s,tpot_s,request_latency_s,output_tokens_per_s,"
             "output_tokens_per_s_per_gpu,output_tokens_per_s_per_user\r\n";
      for (const auto& [c, e] : rows) {
        out << json_number(c) << ',' << json_number(e.ttft.in(seconds)) << ','
            << json_number(e.tpot.in(seconds)) << ',' << json_number(e.request_latency.in(seconds))
            << ',' << json_number(e.output_tokens_per_s) << ','
            << json_number(e.output_tokens_per_s_per_gpu) << ','
            << json_number(e.output_tokens_per_s_per_user) << "\r\n";
      }
      return 0;
    }
    if (a.has("--json")) {
      out << "[";
      for (std::size_t i = 0; i < rows.size(); ++i) {
        std::ostringstream one;
        json_writer w(one);
        w.number("concurrency", rows[i].first);
        detail::serve_json_fields(w, rows[i].second);
        w.finish();
        std::string text = one.str();
        while (!text.empty() && text.back() == '\n') text.pop_back();
        out << (i ? ",\n" : "\n") << text;
      }
      out << "\n]\n";
      return 0;
    }
    table t({false, true, true, true, true, true});
    t.row({"concurrency", "TTFT s", "TPOT ms", "latency s", "tokens/s", "tokens/s/user"});
    for (const auto& [c, e] : rows) {
      t.row({group_thousands(std::to_string(static_cast<long long>(c))),
             significant(e.ttft.in(seconds), 3), significant(e.tpot.in(seconds) * 1e3, 3),
             significant(e.request_latency.in(seconds), 3), significant(e.output_tokens_per_s, 4),
             significant(e.output_tokens_per_s_per_user, 3)});
    }
    t.print(out);
    return 0;
  }
  const result<serving_estimate> r = run(s.workload.concurrency);
  if (!r) return report_reason(err, "serve", *r.error(), s.base);
  const serving_estimate& e = r.value();
  std::optional<disaggregated_estimate> split_estimate;
  if (s.prefill_chips > 0) split_estimate = disaggregated(s.workload.concurrency).value();
  if (a.has("--json")) {
    json_writer w(out);
    w.string("model", s.base.model.name);
    w.string("chip", s.base.chip->name);
    w.number("chips", s.base.chips + s.prefill_chips);
    detail::serve_json_fields(w, e);
    if (split_estimate) detail::disaggregated_json_fields(w, *split_estimate, s);
    w.finish();
    return 0;
  }
  table t({true, true});
  t.row({"model", std::string(s.base.model.name)});
  if (split_estimate) {
    const disaggregated_estimate& d = *split_estimate;
    t.row({"prefill pool", std::to_string(s.prefill_chips) + " x " +
                               std::string(s.base.chip->name) + ": " +
                               detail::plan_text(s.prefill_plan, *s.base.chip) + "; " +
                               significant(d.prefill_requests_per_s, 4) + " requests/s"});
    t.row({"decode pool", std::to_string(s.base.chips) + " x " + std::string(s.base.chip->name) +
                              ": " + detail::plan_text(s.plan, *s.base.chip) + "; " +
                              significant(d.decode_requests_per_s, 4) +
                              " requests/s at its full batch"});
    t.row({"KV transfer", significant(d.kv_transfer.in(seconds) * 1e3, 3) +
                              " ms per request; the links carry " +
                              significant(d.transfer_requests_per_s, 4) + " requests/s"});
    t.row({"bottleneck", std::string(d.bottleneck) + " (" + significant(d.requests_per_s, 4) +
                             " requests/s)"});
  } else {
    t.row({"cluster", std::to_string(s.base.chips) + " x " + std::string(s.base.chip->name) +
                          " (" + significant(e.replicas, 3) + " replica(s))"});
    t.row({"plan", detail::plan_text(s.plan, *s.base.chip)});
  }
  t.row({"workload", significant(s.workload.input_tokens, 6) + " in / " +
                         significant(s.workload.output_tokens, 6) + " out tokens per request, " +
                         (s.workload.concurrency > 0
                              ? significant(s.workload.concurrency, 6) + " in flight"
                              : std::string("as many in flight as fit"))});
  t.row({"weights per GPU", significant(e.weights_per_gpu.in(gigabytes), 4) + " GB"});
  t.row({"KV cache per GPU", significant(e.kv_cache_per_gpu.in(gigabytes), 4) + " GB, holds " +
                                 significant(e.max_concurrency_kv * e.replicas, 6) +
                                 " requests at full length"});
  t.row({"batch", significant(e.batch * e.replicas, 6) + " requests in flight"});
  t.row({"TTFT", significant(e.ttft.in(seconds) * 1e3, 4) + " ms"});
  t.row({"TPOT", significant(e.tpot.in(seconds) * 1e3, 4) + " ms (" +
                     significant(e.output_tokens_per_s_per_user, 4) + " tokens/s per user)"});
  t.row({"request latency", significant(e.request_latency.in(seconds), 4) + " s"});
  t.row({"throughput", significant(e.output_tokens_per_s, 5) + " output tokens/s, " +
                           significant(e.output_tokens_per_s_per_gpu, 5) + " per GPU"});
  t.row({"iteration", significant(e.iteration.in(seconds) * 1e3, 4) + " ms = max(compute " +
                          significant(e.compute.in(seconds) * 1e3, 3) + ", memory " +
                          significant(e.memory.in(seconds) * 1e3, 3) + ") + elementwise " +
                          significant(e.elementwise.in(seconds) * 1e3, 3) + " + TP " +
                          significant(e.tp_comm.in(seconds) * 1e3, 3) + " + EP " +
                          significant(e.ep_comm.in(seconds) * 1e3, 3) + " + PP " +
                          significant(e.pp_comm.in(seconds) * 1e3, 3) + " + overhead " +
                          significant(e.overhead.in(seconds) * 1e3, 3) + " (" +
                          (e.memory_bound ? "memory" : "compute") + "-bound)"});
  t.print(out);
  return 0;
}

}  // namespace flopcast_cli
