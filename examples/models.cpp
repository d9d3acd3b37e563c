// The model catalog at a glance: parameters, FLOPs per token (exact vs 6N), training FLOPs for
// the published token counts, and memory per chip for model state on 1,024 chips.
//
//   models              tables for every catalog model
//   models llama3-405b  the parameter and FLOP breakdown of one model (names match loosely)
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>

#include "flopcast/core/io.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/lookup.hpp"
#include "flopcast/workload/memory.hpp"

namespace {

using namespace flopcast;

// Parameter counts read best in billions: "405.9B", "12.9B", "1.83T".
std::string count(double n) {
  std::ostringstream s;
  s << std::fixed;
  if (n >= 1e12) {
    s << std::setprecision(2) << n / 1e12 << "T";
  } else {
    s << std::setprecision(n >= 100e9 ? 1 : 2) << n / 1e9 << "B";
  }
  return s.str();
}

std::string ratio(double r) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(3) << r;
  return s.str();
}

std::string percent(double r) {
  std::ostringstream s;
  s << std::showpos << std::fixed << std::setprecision(1) << (r - 1.0) * 100.0 << "%";
  return s.str();
}

std::string label(const model_card& c) {
  return c.status == provenance::published ? std::string(c.shape.name)
                                           : std::string(c.shape.name) + " *";
}

constexpr int name_width = 30;

void parameter_and_flop_table() {
  std::cout << "Parameters and FLOPs per token (training context, attention not halved)\n\n";
  std::cout << std::left << std::setw(name_width) << "model" << std::right << std::setw(9)
            << "total" << std::setw(9) << "active" << std::setw(8) << "context" << std::setw(16)
            << "exact/token" << std::setw(16) << "6N/token" << std::setw(10) << "exact/6N"
            << std::setw(12) << "causal/6N"
            << "\n";
  for (const model_card* c : models::all) {
    const transformer& m = c->shape;
    const double s = m.seq_len;
    const flop_count<> exact = model_flops_per_token(m, s);
    const flop_count<> causal = model_flops_per_token(m, s, attention_mask::causal_skip);
    const flop_count<> six_n = six_n_flops_per_token(m);
    std::cout << std::left << std::setw(name_width) << label(*c) << std::right << std::setw(9)
              << count(total_parameters(m)) << std::setw(9) << count(active_parameters(m))
              << std::setw(8) << m.seq_len << std::setw(16) << to_string(exact) << std::setw(16)
              << to_string(six_n) << std::setw(10) << ratio(exact / six_n) << std::setw(12)
              << ratio(causal / six_n) << "\n";
  }
}

void training_table() {
  std::cout << "\nTraining FLOPs for the published token counts\n\n";
  std::cout << std::left << std::setw(name_width) << "model" << std::right << std::setw(10)
            << "tokens" << std::setw(15) << "exact" << std::setw(15) << "6ND" << std::setw(15)
            << "published" << std::setw(15) << "exact vs pub"
            << "\n";
  for (const model_card* c : models::all) {
    if (!c->training_tokens) continue;
    const transformer& m = c->shape;
    const double d = *c->training_tokens;
    const flop_count<> exact = training_flops(m, d);
    std::cout << std::left << std::setw(name_width) << label(*c) << std::right << std::setw(10)
              << count(d) << std::setw(15) << to_string(exact) << std::setw(15)
              << to_string(six_n_d(m, d));
    if (c->published_training_flops) {
      std::cout << std::setw(15) << to_string(*c->published_training_flops) << std::setw(15)
                << percent(exact / *c->published_training_flops);
    }
    std::cout << "\n";
  }
}

void memory_table() {
  constexpr double chips = 1024;
  std::cout << "\nModel state per chip on 1,024 chips, pure data parallelism (BF16 weights and "
               "gradients, FP32 master\nweights and Adam moments: 16 bytes per parameter)\n\n";
  std::cout << std::left << std::setw(name_width) << "model" << std::right << std::setw(16)
            << "plain DP" << std::setw(16) << "ZeRO-1" << std::setw(16) << "ZeRO-3"
            << "\n";
  for (const model_card* c : models::all) {
    const transformer& m = c->shape;
    const auto state = [&](int stage) {
      const sharding<> plan{.dp = chips, .zero_stage = stage};
      return model_state_per_chip(m, recipes::bf16_fp32_master, optimizer::adam, plan)
          .model_state();
    };
    std::cout << std::left << std::setw(name_width) << label(*c) << std::right << std::setw(16)
              << to_string(state(0)) << std::setw(16) << to_string(state(1)) << std::setw(16)
              << to_string(state(3)) << "\n";
  }
}

void one_model(const model_card& c) {
  const transformer& m = c.shape;
  const parameter_counts total = count_parameters(m);
  const parameter_counts active = count_active_parameters(m);
  std::cout << m.name << " (" << name(c.status) << ")\n" << c.source << "\n";
  if (!c.notes.empty()) std::cout << c.notes << "\n";
  std::cout << "\n"
            << std::left << std::setw(18) << "parameters" << std::right << std::setw(10) << "total"
            << std::setw(10) << "active"
            << "\n";
  const auto row = [](const char* part, double t, double a) {
    std::cout << std::left << std::setw(18) << part << std::right << std::setw(10) << count(t)
              << std::setw(10) << count(a) << "\n";
  };
  row("embedding", total.embedding, active.embedding);
  row("position", total.position, active.position);
  row("attention", total.attention, active.attention);
  row("dense MLP", total.mlp, active.mlp);
  row("routed experts", total.routed_experts, active.routed_experts);
  row("shared experts", total.shared_experts, active.shared_experts);
  row("router", total.router, active.router);
  row("norms", total.norms, active.norms);
  row("output", total.output, active.output);
  row("all", total.total(), active.total());

  const double s = m.seq_len;
  const flop_split<> f = forward_flops_per_token(m, s);
  std::cout << "\nforward FLOPs per token at context " << m.seq_len << ": matmul "
            << to_string(f.matmul) << ", attention " << to_string(f.attention) << ", logits "
            << to_string(f.logits)
            << "\nmodel FLOPs per token (x3): " << to_string(model_flops_per_token(m, s))
            << "; hardware with full recompute: "
            << to_string(hardware_flops_per_token(m, s, recompute::full))
            << "\nKV cache per token (BF16): " << to_string(kv_cache_bytes_per_token(m)) << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1) {
    try {
      one_model(models::lookup(argv[1]));
      return 0;
    } catch (const invalid_input& e) {
      std::cerr << e.what() << "\n";
      return 1;
    }
  }
  parameter_and_flop_table();
  training_table();
  memory_table();
  std::cout << "\n* not published: rumoured shape and third-party estimate (see the catalog "
               "entry's notes).\n";
}
