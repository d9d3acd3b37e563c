// Activation offload (parallel_plan::offloaded_layers) and FP8 GEMM inputs kept for the backward
// (activation_options::saved_gemm_inputs): the memory they save and the time offload costs.
#include "catch_any.hpp"
#include "flopcast/flopcast.hpp"

using namespace flopcast;

TEST_CASE("activation offload keeps only the other layers' activations in HBM", "[memory]") {
  // Llama 3 70B as Megatron-Bridge ran it on GB200 (FSDP 64, microbatch 2, FP8, 40 of 80 layers
  // offloaded): half the layers' activations leave HBM; the output layer's (one stage) stay.
  parallel_plan p{.zero_stage = 3, .microbatch = 2, .global_batch = 256,
                  .compute = precision::fp8};
  const transformer& m = models::llama3_70b.shape;
  const double all = plan_memory_per_chip(m, p, 64).activations.in(bytes);
  p.offloaded_layers = 80;
  const double output_layer = plan_memory_per_chip(m, p, 64).activations.in(bytes);
  p.offloaded_layers = 40;
  const double half = plan_memory_per_chip(m, p, 64).activations.in(bytes);
  CHECK(output_layer > 0.0);
  CHECK_THAT(half - output_layer, Catch::Matchers::WithinRel(0.5 * (all - output_layer), 1e-12));
  p.offloaded_layers = 81;
  CHECK(find_problem(m, p, clusters::gb200_nvl72, 64, false) ==
        &reasons::plan_offloaded_layers_out_of_range);
}

TEST_CASE("an FP8 step keeps its GEMM inputs in one byte", "[memory]") {
  // Per token and layer of Llama 3 70B (h 8192, FFN 28672, 8 KV heads), BF16: norm inputs 2h,
  // attention and MLP inputs 2h, Q K V 1.25h, output-projection input h, gate and up 2 x 3.5h,
  // their product 3.5h: 16.75h elements, all 2 bytes. FP8 moves the attention and MLP inputs, the
  // output projection's input and the product (2h + h + 3.5h = 6.5h) to 1 byte.
  const transformer& m = models::llama3_70b.shape;
  const sharding<double> one{};
  activation_options o{.policy = recompute::none, .fused_attention = true, .dropout = false};
  const double bf16 = activation_bytes_per_layer<double>(m, 1.0, 1.0, one, o).in(bytes);
  o.saved_gemm_inputs = precision::fp8;
  const double fp8 = activation_bytes_per_layer<double>(m, 1.0, 1.0, one, o).in(bytes);
  CHECK_THAT(bf16, Catch::Matchers::WithinRel(2.0 * 16.75 * 8192.0, 1e-12));
  CHECK_THAT(bf16 - fp8, Catch::Matchers::WithinRel(6.5 * 8192.0, 1e-12));
}

TEST_CASE("offloaded activations cost time only where the host link cannot keep up", "[offload]") {
  // The same offload over NVLink-C2C (GB200) hides behind compute; over PCIe Gen5 x16 (an HGX
  // B200 server's host link) with a small microbatch of a wide model it does not.
  const transformer& m = models::llama3_70b.shape;
  parallel_plan p{.zero_stage = 3, .microbatch = 1, .global_batch = 64, .compute = precision::fp8};
  const step_options o{.check_memory = false};
  const step_breakdown none = estimate_step(m, clusters::gb200_nvl72, 64, p, o);
  CHECK(none.offload.in(seconds) == 0.0);
  p.offloaded_layers = 40;
  const step_breakdown c2c = estimate_step(m, clusters::gb200_nvl72, 64, p, o);
  CHECK(c2c.offload.in(seconds) == 0.0);
  cluster_spec pcie = clusters::gb200_nvl72;
  pcie.host_link = links::pcie_3;  // 16 GB/s per direction: 40 layers' activations cannot hide
  const step_breakdown slow = estimate_step(m, pcie, 64, p, o);
  CHECK(slow.offload.in(seconds) > 0.0);
  CHECK_THAT(slow.step.in(seconds) - c2c.step.in(seconds),
             Catch::Matchers::WithinRel(slow.offload.in(seconds), 1e-9));
}
