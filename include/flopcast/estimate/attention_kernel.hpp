#pragma once
#include "flopcast/core/config.hpp"
// Fused attention kernels: the fraction of the 16-bit tensor peak each one reaches, forward and
// backward, per chip family, from published kernel benchmarks; and how it falls with short
// sequences and narrow heads.
//
//   eta(kernel, chip, direction) = eta_inf x k / (k + k_half(direction)) x g(head)
//   k       keys a query attends to in one kernel call: s / cp, halved for a causal kernel
//   g(head) = [head / (head + 32)] / [128 / (128 + 32)], capped so that eta <= 1
//
// eta_inf is the figure at head dimension 128 and 16K tokens: the plateau of each benchmark.
//
// Sources (all public):
//  - FlashAttention-3 paper (Shah, Bikshandi, Zhang, Thakkar, Ramani, Dao 2024, arXiv 2407.08608),
//    Figs. 4 and 5, H100 80GB SXM5, BF16/FP16, head dim 128, 16K tokens, TFLOP/s against 989:
//      forward (no mask): FlashAttention-2 370, Triton 395, cuDNN 595, FlashAttention-3 648;
//      backward:          FlashAttention-2 322,             cuDNN 516, FlashAttention-3 561.
//    At 512 tokens the same kernels run forward at 309 / 323 / 497 / 467 and backward at 214 / - /
//    305 / 316; at head dim 64 backward 291 / - / 433 / 474.
//  - FlashAttention-2 paper (Dao 2023, arXiv 2307.08691), Sec. 4.1, A100 80GB SXM4: forward up to
//    73% of the 312 TFLOP/s peak, backward up to 63%; 1.3-2.5x faster than the Triton
//    implementation (forward about 1.5x, backward about 2x).
//
// The benchmarks count a backward pass as 2.5 forward passes (FlashAttention's backward
// recomputes the scores: five matrix products against the forward's two,
// benchmarks/benchmark_flash_attention.py in Dao-AILab/flash-attention), while this library
// counts 2 (workload/flops.hpp). A kernel that runs the backward at rate R therefore executes the
// library's backward FLOPs at 2 / 2.5 x R: backward_counted_share below.
#include "flopcast/hardware/chip.hpp"

namespace flopcast {

// The attention kernel a framework runs (a step option; unfused attention is
// parallel_plan::fused_attention = false and does not use this).
enum class attention_kernel : unsigned char {
  calibrated,  // the default: eta = GEMM efficiency x head / (head + 128) for every fused kernel
  flash2,      // FlashAttention-2 (Dao 2023); PyTorch SDPA's flash backend
  flash3,      // FlashAttention-3 (Hopper and later; FlashAttention-2 figures on Ampere)
  cudnn,       // cuDNN fused attention (Transformer Engine, NeMo, Megatron-Core)
  triton,      // a Triton fused-attention kernel (OpenAI tutorial, llm-foundry attn_impl=triton)
  automatic,   // what a current framework runs on the chip family (attention_kernel_for)
};

// The kernel `automatic` stands for on a chip family: cuDNN fused attention on Hopper and
// Blackwell (Transformer Engine's choice there, so Megatron-Core and NeMo's), FlashAttention-2 on
// Ampere (flash-attn, PyTorch SDPA and Transformer Engine alike); the calibrated model elsewhere.
constexpr attention_kernel attention_kernel_for(attention_kernel k, generation g) {
  if (k != attention_kernel::automatic) return k;
  if (g == generation::hopper || g == generation::blackwell || g == generation::blackwell_ultra) {
    return attention_kernel::cudnn;
  }
  return g == generation::ampere ? attention_kernel::flash2 : attention_kernel::calibrated;
}

struct attention_efficiency {
  double forward = 0.0;
  double backward = 0.0;  // of the backward FLOPs as this library counts them (2 x forward)
};

namespace attention_constants {
// Keys per query at which a kernel runs at half its plateau. Fitted to the FlashAttention-3
// paper's H100 head-dim-128 figures, 512 vs 16K tokens: forward FlashAttention-3 467/648 (no
// mask, k_half 208) and 292/616 (causal, 309 keys); backward FlashAttention-3 316/561 (421) and
// FlashAttention-2 214/322 (271). Assumed the same for every kernel and chip.
inline constexpr double forward_half_keys = 256.0;
inline constexpr double backward_half_keys = 384.0;
// Head dimension at which the per-head products run at half speed; fitted to the same paper's
// backward figures at head dim 64 vs 128 (FlashAttention-3 474/561 = 0.845, FlashAttention-2
// 291/322 = 0.90; this curve gives 0.833).
inline constexpr double half_head = 32.0;
inline constexpr double reference_head = 128.0;
// The library counts the backward as 2 forward passes; the kernels execute 2.5 (see above).
inline constexpr double backward_counted_share = 2.0 / 2.5;

// Plateaus (head dim 128, 16K tokens), fractions of the dense 16-bit peak.
// H100 SXM5 (989 TFLOP/s), FlashAttention-3 paper Figs. 4-5.
inline constexpr attention_efficiency hopper_flash3{648.0 / 989.0, 561.0 / 989.0};
inline constexpr attention_efficiency hopper_cudnn{595.0 / 989.0, 516.0 / 989.0};
inline constexpr attention_efficiency hopper_flash2{370.0 / 989.0, 322.0 / 989.0};
// Triton's backward is not in the paper's figures: FlashAttention-2's backward-to-forward ratio
// is assumed.
inline constexpr attention_efficiency hopper_triton{395.0 / 989.0, 395.0 / 989.0 * 322.0 / 370.0};
// A100 (312 TFLOP/s), FlashAttention-2 paper Sec. 4.1: up to 73% forward and 63% backward; the
// Triton implementation about 1.5x slower forward and 2x slower backward.
inline constexpr attention_efficiency ampere_flash2{0.73, 0.63};
inline constexpr attention_efficiency ampere_triton{0.73 / 1.5, 0.63 / 2.0};
}  // namespace attention_constants

// The plateau of a kernel on a chip family, or nothing (zeros) where no benchmark is published:
// the caller then keeps the calibrated model. Blackwell is assumed to reach Hopper's fractions
// (no FlashAttention-3 or cuDNN figures for it in the papers above); FlashAttention-3 and cuDNN
// on Ampere fall back to FlashAttention-2 (FlashAttention-3 needs Hopper; cuDNN's Ampere kernels
// are FlashAttention-2-class).
constexpr attention_efficiency attention_plateau(attention_kernel named, generation g) {
  namespace ac = attention_constants;
  const attention_kernel k = attention_kernel_for(named, g);
  const bool hopper_or_later =
      g == generation::hopper || g == generation::blackwell || g == generation::blackwell_ultra;
  if (hopper_or_later) {
    switch (k) {
      case attention_kernel::flash3: return ac::hopper_flash3;
      case attention_kernel::cudnn: return ac::hopper_cudnn;
      case attention_kernel::flash2: return ac::hopper_flash2;
      case attention_kernel::triton: return ac::hopper_triton;
      default: return {};
    }
  }
  if (g == generation::ampere) {
    switch (k) {
      case attention_kernel::flash3:
      case attention_kernel::cudnn:
      case attention_kernel::flash2: return ac::ampere_flash2;
      case attention_kernel::triton: return ac::ampere_triton;
      default: return {};
    }
  }
  return {};
}

// A kernel's efficiency at `keys` keys per query and head dimension `head`, forward and backward
// (the backward per the library's FLOP count). Zeros where attention_plateau has none.
constexpr attention_efficiency attention_kernel_efficiency(attention_kernel k, generation g,
                                                           double keys, double head) {
  namespace ac = attention_constants;
  const attention_efficiency top = attention_plateau(k, g);
  if (top.forward <= 0.0) return {};
  const double g_head = (head / (head + ac::half_head)) /
                        (ac::reference_head / (ac::reference_head + ac::half_head));
  const auto at = [&](double plateau, double half) {
    const double e = plateau * g_head * keys / (keys + half);
    return e < 1.0 ? e : 1.0;
  };
  return {at(top.forward, ac::forward_half_keys),
          at(top.backward * ac::backward_counted_share, ac::backward_half_keys)};
}

}  // namespace flopcast
