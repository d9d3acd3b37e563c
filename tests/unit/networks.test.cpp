// Network profiles (hardware/networks.hpp) and tensor parallelism across nodes.
#include <cmath>
#include <flopcast/flopcast.hpp>
#include <string>

#include "catch_any.hpp"

using namespace flopcast;

TEST_CASE("network profiles: every one is a valid scale-out network", "[networks]") {
  for (const network_profile* n : networks::all) {
    INFO(std::string(n->key));
    const cluster_spec c = with_network(clusters::hgx_h100_ndr.with_count(64), *n);
    CHECK(find_problem(c) == nullptr);
    CHECK(n->efficiency > 0.0);
    CHECK(n->efficiency <= 1.0);
    CHECK(!n->source.empty());
    CHECK(networks::find(n->key) == n);
    // Achievable rate per GPU = NIC rate x efficiency.
    CHECK_THAT(c.scale_out_achievable().base_value(),
               Catch::Matchers::WithinRel(n->per_gpu.base_value() * n->efficiency, 1e-12));
  }
  CHECK(networks::find("no-such-net") == nullptr);
  CHECK(!networks::try_get("no-such-net").ok());
  CHECK(networks::try_get("aws-p5-efa").ok());
  // The NIC rates per GPU as published: p4d 400 Gb/s per 8 GPUs; A3 Mega 8x 200 Gb/s.
  CHECK(networks::aws_p4d_efa.per_gpu.in(gigabits_per_s) == 50.0);
  CHECK(networks::gcp_a3_mega.per_gpu.in(gigabits_per_s) == 200.0);
  CHECK(networks::infiniband_ndr.per_gpu.in(gigabits_per_s) == 400.0);
}

TEST_CASE("a slower network makes a data-parallel step slower", "[networks]") {
  const transformer& m = models::llama3_8b.shape;
  const parallel_plan p{.tp = 1, .zero_stage = 3, .microbatch = 1, .global_batch = 64};
  const auto ndr = with_network(clusters::hgx_h100_ndr.with_count(64), networks::infiniband_ndr);
  const auto p4d = with_network(clusters::hgx_h100_ndr.with_count(64), networks::aws_p4d_efa);
  const double fast = estimate_step(m, ndr, 64, p).step.in(seconds);
  const double slow = estimate_step(m, p4d, 64, p).step.in(seconds);
  CHECK(slow > fast);
}

TEST_CASE("tensor parallelism across nodes runs on the scale-out network", "[networks][tp]") {
  // Megatron's TP all-reduce of one microbatch's activations (b 1, s 4096, h 8192: 64 MiB) in a
  // TP group of 8 inside an 8-GPU node vs 16 spread over two nodes (placement: k1 = 8, k2 = 2).
  const auto act = data_size<>::from_base(4096.0 * 8192.0 * 2.0);
  for (const network_profile* n : networks::all) {
    INFO(std::string(n->key));
    const cluster_spec c = with_network(clusters::hgx_h100_ndr.with_count(16), *n);
    CHECK(tier(place_group<double>(c, 16, 1)) == link_tier::hierarchical);
    CHECK(all_reduce(c, act, 16, 1) > all_reduce(c, act, 8, 1));
  }
  // On a cloud network with 50-100 Gb/s per GPU (AWS p4d, Google A3 High) one cross-node TP
  // all-reduce of 64 MiB is 6-7x slower than NVLink's, and a step's TP communication (more
  // layers per stage, as TP 16 halves PP) over 10x. (On 8 rails of 400G InfiniBand
  // NCCL's rings cross the two nodes at 8 x 48 GB/s, close to NVLink, and nccl-tests at 3-10
  // nodes measure 320-380 GB/s busBw for large buffers: there the penalty is the message size.)
  const cluster_spec p4d = with_network(clusters::dgx_a100_superpod.with_count(16),
                                       networks::aws_p4d_efa);  // p4d: A100 nodes
  const double p4d_ratio = all_reduce(p4d, act, 16, 1) / all_reduce(p4d, act, 8, 1);
  INFO("p4d TP 16 / TP 8: " << p4d_ratio);
  CHECK(p4d_ratio > 5.0);
  const cluster_spec a3 = with_network(clusters::hgx_h100_ndr.with_count(16), networks::gcp_a3_high);
  CHECK(all_reduce(a3, act, 16, 1) / all_reduce(a3, act, 8, 1) > 5.0);
  // The whole step: Llama 3 70B on 64 A100 over p4d's EFA spends over 10x more time in TP
  // communication with TP 16 x PP 4 (TP across node pairs) than with TP 8 x PP 8 (inside nodes).
  const transformer& m = models::llama3_70b.shape;
  const auto cl = with_network(clusters::dgx_a100_superpod.with_count(64), networks::aws_p4d_efa);
  const parallel_plan tp8{.tp = 8, .sequence_parallel = true, .pp = 8, .zero_stage = 1,
                          .microbatch = 1, .global_batch = 64};
  parallel_plan tp16 = tp8;
  tp16.tp = 16;
  tp16.pp = 4;
  const auto s8 = estimate_step(m, cl, 64, tp8);
  const auto s16 = estimate_step(m, cl, 64, tp16);
  CHECK(s16.tp_comm.in(seconds) > 10.0 * s8.tp_comm.in(seconds));
  CHECK(s16.step > s8.step);
}

TEST_CASE("a half-bandwidth size outside [0, 1 TB] is refused with its reason", "[networks]") {
  for (double bad : {-1.0, 2e12, std::nan(""), HUGE_VAL}) {
    cluster_spec c = clusters::hgx_h100_ndr.with_count(16);
    c.scale_out.half_size = data_size<>::from_base(bad);
    CHECK(find_problem(c) == &reasons::cluster_half_size_out_of_range);
    c = clusters::hgx_h100_ndr.with_count(16);
    c.scale_up.half_size = data_size<>::from_base(bad);
    CHECK(find_problem(c) == &reasons::cluster_half_size_out_of_range);
  }
  cluster_spec c = clusters::hgx_h100_ndr.with_count(16);
  c.scale_out.half_size = data_size<>{};  // 0: every message at the large-message rate
  CHECK(find_problem(c) == nullptr);
  c.scale_up.half_size = data_size<>::from_base(1e12);
  CHECK(find_problem(c) == nullptr);
}
