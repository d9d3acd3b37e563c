#pragma once
// `flopcast search`: the fastest parallel plans for a model on a cluster at a global batch
// (flopcast/sweep/search.hpp), with each plan's breakdown, and how many plans were tried and
// refused by reason. Takes the model, cluster and software options of `flopcast estimate`; the
// plan options it searches become lists and limits.
#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <flopcast/sweep/search.hpp>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "args.hpp"
#include "estimate.hpp"
#include "format.hpp"

namespace flopcast_cli {

inline constexpr std::string_view search_usage =
    "usage: flopcast search (--model NAME | --layers N --hidden N --heads N --vocab N --seq N) "
    "--chip NAME --chips N --global-batch N [limits] [--top N] [--json | --csv]";

// The estimate options the search sets itself: they are searched, not given.
inline constexpr std::array<std::string_view, 12> searched_options{
    "--tp",          "--pp",         "--vp",           "--cp",
    "--ep",          "--zero",       "--microbatch",   "--recompute",
    "--precision",   "--sequence-parallel", "--first-stage-layers", "--last-stage-layers"};

inline constexpr std::array search_only_options{
    option{"--objective", "O",
           "time (shortest step; default) | throughput (tokens/s per chip). At one chip count a "
           "plan's cost and energy are proportional to its step time, so they rank as time "
           "does; flopcast sweep --front --objective cost|energy compares chips and counts",
           "search"},
    option{"--top", "N", "plans to show (default 10)", "search", 1, 10'000},
    option{"--max-tp", "N", "largest TP tried (powers of two; default 64)", "search", 1, 65'536},
    option{"--max-pp", "N", "largest PP tried (powers of two and divisors of the layers; default 128)",
           "search", 1, 65'536},
    option{"--max-vp", "N", "most interleaved chunks per stage (default 8)", "search", 1, 1024},
    option{"--max-cp", "N", "largest CP tried (powers of two; default 32)", "search", 1, 65'536},
    option{"--max-ep", "N", "largest EP tried (MoE; default 256)", "search", 1, 65'536},
    option{"--zero", "LIST", "ZeRO stages tried, e.g. 0,1 (default 0,1,2,3)", "search", 0, 3},
    option{"--microbatch", "LIST", "microbatch sizes tried (default 1,2,4,8,16)", "search", 1,
           65'536},
    option{"--recompute", "LIST",
           "recompute modes tried: none, selective, full, selective-op (default the first three)",
           "search"},
    option{"--precision", "LIST", "GEMM precisions tried: bf16, fp16, fp8 (default bf16)",
           "search"},
    option{"--no-sp", "", "never sequence parallelism", "search"},
    option{"--no-cp", "", "no context parallelism (same as --max-cp 1)", "search"},
    option{"--threads", "N", "threads (default: the hardware's)", "search", 1, 256},
    option{"--json", "", "one JSON object: plans (each as estimate --json), considered, valid, "
                         "rejected", "output"},
    option{"--csv", "", "one CSV row per plan", "output"},
};

inline std::vector<option> search_options() {
  std::vector<option> all;
  for (const option& o : job_options) {
    if (std::find(searched_options.begin(), searched_options.end(), o.name) ==
        searched_options.end()) {
      all.push_back(o);
    }
  }
  all.insert(all.end(), search_only_options.begin(), search_only_options.end());
  return all;
}

namespace detail {

inline const option& search_option(std::string_view name) {
  for (const option& o : search_only_options) {
    if (o.name == name) return o;
  }
  throw std::logic_error("flopcast: no search option " + std::string(name));
}

// The comma-separated words of an option's value; an empty word is a usage error.
inline std::vector<std::string> list_words(std::string_view option_name, const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::string word = text.substr(start, comma == std::string::npos ? comma : comma - start);
    if (word.empty()) {
      throw usage_error(invalid_value(option_name, text, "a comma-separated list"));
    }
    words.push_back(word);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (words.size() > 64) throw usage_error(invalid_value(option_name, text, "at most 64 values"));
  return words;
}

template <class T, std::size_t N>
std::vector<T> choose_list(std::string_view option_name, const std::string& text,
                           const std::array<std::string_view, N>& names,
                           const std::array<T, N>& values) {
  std::vector<T> out;
  for (const std::string& w : list_words(option_name, text)) {
    const T v = values[choose(option_name, w, names)];
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

inline std::vector<int> int_list(std::string_view option_name, const std::string& text) {
  std::vector<int> out;
  for (const std::string& w : list_words(option_name, text)) {
    const int v = to_int_in(search_option(option_name), w);
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

inline std::vector<flopcast::precision> precision_list(const std::string& text) {
  return choose_list("--precision", text, precision_names, precision_formats);
}

// An integer search option, when given, checked against its range.
inline void read_int(const arguments& a, std::string_view name, int& field) {
  if (const std::string* v = a.find(name)) field = to_int_in(search_option(name), *v);
}

// The search limits both search and sweep take: --max-tp/pp/vp/cp/ep, --no-cp, --no-sp,
// --zero, --microbatch and --recompute (lists). --precision is each command's own: a searched
// list in search, a grid axis in sweep.
inline void read_limits(const arguments& a, flopcast::search_limits& l) {
  read_int(a, "--max-tp", l.max_tp);
  read_int(a, "--max-pp", l.max_pp);
  read_int(a, "--max-vp", l.max_vp);
  read_int(a, "--max-cp", l.max_cp);
  read_int(a, "--max-ep", l.max_ep);
  if (a.has("--no-cp")) l.max_cp = 1;
  if (a.has("--no-sp")) l.sequence_parallel = false;
  if (const std::string* v = a.find("--zero")) l.zero_stages = int_list("--zero", *v);
  if (const std::string* v = a.find("--microbatch")) l.microbatches = int_list("--microbatch", *v);
  if (const std::string* v = a.find("--recompute")) {
    l.recompute_modes = choose_list("--recompute", *v, recompute_names, recompute_modes);
  }
}

inline std::string plan_words(const flopcast::parallel_plan& p, const flopcast::step_breakdown& b) {
  std::string s = "tp " + std::to_string(p.tp) + (p.sequence_parallel ? "+sp" : "") + ", pp " +
                  std::to_string(p.pp);
  if (p.vp > 1) s += "x" + std::to_string(p.vp);
  if (p.cp > 1) s += ", cp " + std::to_string(p.cp);
  if (p.ep > 1) s += ", ep " + std::to_string(p.ep);
  s += ", dp " + fixed(b.data_parallel, 0) + ", zero " + std::to_string(p.zero_stage) + ", mb " +
       std::to_string(p.microbatch) + ", " + std::string(flopcast::name(p.recompute_mode)) + ", " +
       std::string(flopcast::name(p.compute));
  return s;
}

// The breakdown term that takes longest besides compute: where a plan loses time.
inline std::string largest_overhead(const flopcast::step_breakdown& b) {
  const flopcast::step_term* worst = nullptr;
  double most = 0.0;
  for (const flopcast::step_term& t : flopcast::step_terms) {
    if (t.key == "compute_s") continue;
    const double v = (b.*t.field).in(flopcast::seconds);
    if (v > most) most = v, worst = &t;
  }
  if (worst == nullptr) return "-";
  return std::string(worst->short_label) + " " + percent(most / b.step.in(flopcast::seconds));
}

// While alive, a progress line on `err` once a second has passed, rewritten every half second
// with how long the search has run. Stops (and ends the line) when destroyed.
class progress_line {
 public:
  progress_line(std::ostream& err, std::string what) : err_(err), what_(std::move(what)) {
    worker_ = std::thread([this] { run(); });
  }
  progress_line(const progress_line&) = delete;
  progress_line& operator=(const progress_line&) = delete;
  ~progress_line() {
    {
      const std::lock_guard<std::mutex> hold(lock_);
      done_ = true;
    }
    wake_.notify_one();
    worker_.join();
    if (shown_) err_ << '\n';
  }

 private:
  void run() {
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> hold(lock_);
    auto next = start + std::chrono::seconds(1);
    while (!wake_.wait_until(hold, next, [this] { return done_; })) {
      const double s =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      err_ << '\r' << what_ << ", " << fixed(s, 1) << " s" << std::flush;
      shown_ = true;
      next += std::chrono::milliseconds(500);
    }
  }

  std::ostream& err_;
  std::string what_;
  std::mutex lock_;
  std::condition_variable wake_;
  bool done_ = false;
  bool shown_ = false;
  std::thread worker_;
};

}  // namespace detail

inline void search_help(std::ostream& out) {
  out << search_usage
      << "\n\nTimes every parallel plan in the space (TP, SP, PP with uneven splits, interleaving,\n"
         "CP, EP, ZeRO stage, microbatch, recompute, precision) with the step model, and prints\n"
         "the best. Plans the model refuses (heads, layers, batch or memory) are counted by\n"
         "reason. Equivalent plans are tried once; ties go to less memory, then smaller sizes.\n\n";
  print_options(out, search_options());
  out << "\nexample:\n"
         "  flopcast search --model llama3-70b --chip h100 --chips 64 --global-batch 128 "
         "--top 5\n";
}

inline int search_command(std::span<const std::string> words, std::ostream& out,
                          std::ostream& err) {
  using namespace flopcast;
  const std::vector<option> all = search_options();
  const arguments a = parse(words, all, 0);
  if (!a.has("--global-batch")) throw usage_error("missing --global-batch N (sequences per step)");
  if (a.has("--json") && a.has("--csv")) throw usage_error("give --json or --csv, not both");
  // The job from the estimate options only: the search's own --zero, --microbatch, --recompute
  // and --precision are lists, not the estimate's single values.
  arguments job_words = a;
  std::erase_if(job_words.given, [](const arguments::entry& e) {
    for (const option& o : search_only_options) {
      if (o.name == e.name) return true;
    }
    return false;
  });
  job j = make_job(job_words);

  search_request r;
  r.model = j.model;
  r.cluster = j.cluster;
  r.chips = j.chips;
  r.global_batch = j.plan.global_batch;
  r.base = j.plan;
  r.options = j.options;
  detail::read_limits(a, r.limits);
  if (const std::string* v = a.find("--precision")) {
    r.limits.precisions = detail::precision_list(*v);
  }
  if (const std::string* v = a.find("--objective")) {
    static constexpr std::array<std::string_view, 2> names{"time", "throughput"};
    static constexpr std::array objectives{search_objective::time, search_objective::throughput};
    r.objective = objectives[detail::choose("--objective", *v, names)];
  }
  int top = 10;
  detail::read_int(a, "--top", top);
  r.top = static_cast<std::size_t>(top);
  int threads = 0;
  detail::read_int(a, "--threads", threads);
  r.threads = static_cast<unsigned>(threads);

  if (const result<cluster_spec> c = try_check(j.cluster); !c) {
    return report_reason(err, "search", *c.error(), j);
  }
  std::optional<result<search_result>> searched;
  {
    const detail::progress_line progress(err, "flopcast search: searching");
    searched.emplace(try_search_plans(r));
  }
  const result<search_result>& found = *searched;
  if (!found) return report_reason(err, "search", *found.error(), j);
  const search_result& s = found.value();
  if (s.plans.empty()) {
    // No answer (status 1): the reasons on stderr, nothing on stdout.
    err << "flopcast search: no valid plan: all " << group_thousands(std::to_string(s.considered))
        << " plans in the space are refused\n";
    for (const rejection& x : s.rejected) {
      err << "  " << group_thousands(std::to_string(x.plans)) << "  " << x.why->code << ": "
          << x.why->message << '\n';
    }
    return 1;
  }

  if (a.has("--json")) {
    json_writer w(out);
    w.integer("considered", static_cast<long long>(s.considered));
    w.integer("valid", static_cast<long long>(s.valid));
    w.begin_object("rejected");
    for (const rejection& x : s.rejected) w.integer(x.why->code, static_cast<long long>(x.plans));
    w.end_object();
    w.begin_array("plans");
    for (const ranked_plan& p : s.plans) {
      job each = j;
      each.plan = p.plan;
      w.begin_element();
      write_estimate(w, each, p.step, std::nullopt);
      w.end_element();
    }
    w.end_array();
    w.finish();
    return 0;
  }
  if (a.has("--csv")) {
    out << "rank,tp,sequence_parallel,pp,vp,cp,ep,dp,zero,microbatch,recompute,precision,"
           "step_time_s,tokens_per_s,mfu,memory_per_chip_gb";
    for (const step_term& t : step_terms) out << ',' << t.key;
    out << '\n';
    std::size_t rank = 0;
    for (const ranked_plan& p : s.plans) {
      const parallel_plan& q = p.plan;
      out << ++rank << ',' << q.tp << ',' << (q.sequence_parallel ? "true" : "false") << ','
          << q.pp << ',' << q.vp << ',' << q.cp << ',' << q.ep << ','
          << json_number(p.step.data_parallel) << ',' << q.zero_stage << ',' << q.microbatch
          << ',' << name(q.recompute_mode) << ',' << name(q.compute) << ','
          << json_number(p.step.step.in(seconds)) << ',' << json_number(p.step.tokens_per_s)
          << ',' << json_number(p.step.mfu) << ','
          << json_number(p.step.memory.total().in(gigabytes));
      for (const step_term& t : step_terms) out << ',' << json_number((p.step.*t.field).in(seconds));
      out << '\n';
    }
    return 0;
  }

  out << "flopcast search: " << j.model.name << " on " << fixed(j.chips, 0) << " x "
      << j.chip->name << ", global batch " << fixed(r.global_batch, 0) << " sequences\n\n";
  table t({true, false, false, false, false, true, true});
  t.row({"#", "step s", "tokens/s/chip", "MFU", "GB/chip", "largest overhead", "plan"});
  std::size_t rank = 0;
  for (const ranked_plan& p : s.plans) {
    t.row({std::to_string(++rank), significant(p.step.step.in(seconds), 4),
           fixed(p.step.tokens_per_s / j.chips, 0), percent(p.step.mfu),
           fixed(p.step.memory.total().in(gigabytes), 1), detail::largest_overhead(p.step),
           detail::plan_words(p.plan, p.step)});
  }
  t.print(out);
  out << "\n" << group_thousands(std::to_string(s.considered)) << " plans timed, "
      << group_thousands(std::to_string(s.valid)) << " valid";
  if (!s.rejected.empty()) out << "; refused:";
  out << '\n';
  for (const rejection& x : s.rejected) {
    out << "  " << group_thousands(std::to_string(x.plans)) << "  " << x.why->code << '\n';
  }
  return 0;
}

}  // namespace flopcast_cli
