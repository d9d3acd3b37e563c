// Inference workload (issue 12): weights by storage format and per GPU, the KV cache by format,
// prefill and decode FLOPs and bytes, pinned against figures derived by hand from the published
// shapes (each derivation in the comment above its check), and bad input refused with a reason.
#include <array>
#include <limits>

#include "catch_any.hpp"
#include "flopcast/sweep/pack.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/inference.hpp"

using namespace flopcast;
using Catch::Matchers::WithinRel;

namespace {

// ---- Compile time: one prefill and one decode figure (Llama 2 7B, derived below).
constexpr inference_cost<> llama2_prefill = prefill(models::llama2_7b.shape, 1.0, 2048.0);
static_assert(llama2_prefill.flops.total().in(flop) == 27'625'491'791'872.0);
static_assert(llama2_prefill.bytes().in(bytes) == 14'305'206'272.0);
constexpr inference_cost<> llama2_decode = decode_step(models::llama2_7b.shape, 16.0, 1023.0);
static_assert(llama2_decode.flops.total().in(flop) == 220'016'410'624.0);
static_assert(llama2_decode.bytes().in(bytes) == 21'813'141'504.0);
static_assert(try_decode_step(models::llama2_7b.shape, 0.0, 10.0).error() ==
              &reasons::inference_batch_out_of_range);

double b(data_size<> d) { return d.in(bytes); }
double f(flop_count<> x) { return x.in(flop); }

}  // namespace

TEST_CASE("storage formats count their block scales (NVFP4 4.5, MXFP4 4.25, INT4 g128 4.125 bits)",
          "[workload][inference]") {
  CHECK(bits_per_element(weight_format::bf16) == 16.0);
  CHECK(bits_per_element(weight_format::fp8) == 8.0);
  CHECK(bits_per_element(weight_format::nvfp4) == 4.5);                     // 4 + 8 (E4M3) / 16
  CHECK(bits_per_element(weight_format::mxfp4) == 4.25);                    // 4 + 8 (E8M0) / 32
  CHECK(bits_per_element(weight_format::int4_g128) == 4.125);               // 4 + 16 / 128
  CHECK(bits_per_element(weight_format::int4_g128_zero_point) == 4.15625);  // 4 + 20 / 128
  CHECK(bytes_per_element(weight_format::nvfp4) == 0.5625);
  CHECK(name(weight_format::mxfp4) == "MXFP4");
  CHECK(!known(static_cast<weight_format>(42)));
}

TEST_CASE("every parameter is stored once: BF16 weights are 2 bytes x the parameter count",
          "[workload][inference]") {
  for (const model_card* c : models::all) {
    INFO(c->key);
    CHECK(b(model_weight_bytes(c->shape).total()) == 2.0 * total_parameters(c->shape));
  }
}

TEST_CASE("Llama 2 7B (multi-head attention): weights, prefill and decode by hand",
          "[workload][inference]") {
  const transformer& m = models::llama2_7b.shape;
  // L 32, h 4096, 32 heads of 128, gated MLP 11008, V 32000 untied, no biases.
  // Linear per layer: 4 h^2 = 67,108,864 + 3 h f = 135,266,304 -> 202,375,168; x 32 =
  // 6,476,005,376. Norms 65 h = 266,240; each table V h = 131,072,000. Sum 6,738,415,616.
  SECTION("weights by format") {
    CHECK(b(model_weight_bytes(m).total()) == 13'476'831'232.0);  // x 2 bytes
    // INT4 group 128 on the linear layers (4.125 / 8 = 33/64 bytes): 6,476,005,376 x 33/64 =
    // 3,339,190,272; norms and both tables in BF16: (266,240 + 262,144,000) x 2 = 524,820,480.
    const weight_quantization int4{.linear = weight_format::int4_g128};
    CHECK(b(model_weight_bytes(m, int4).total()) == 3'864'010'752.0);
    // Quantizing the tables too: 6,738,149,376 x 33/64 + 266,240 x 2.
    const weight_quantization all{
        .linear = weight_format::int4_g128, .quantize_embeddings = true, .quantize_output = true};
    CHECK(b(model_weight_bytes(m, all).total()) == 6'738'149'376.0 * 33 / 64 + 532'480.0);
  }
  SECTION("KV cache: 2 x 32 layers x 32 heads x 128 = 262,144 elements per token") {
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::bf16)) == 524'288.0);
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::fp8)) == 262'144.0);
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::nvfp4)) == 147'456.0);  // x 0.5625
    // The format overload agrees with kv_cache.hpp's precision one.
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::bf16)) == b(kv_cache_bytes_per_token(m)));
  }
  SECTION("prefill of one 2,048-token prompt") {
    const inference_cost<> c = prefill(m, 1.0, 2048.0);
    // Matmul: 2 x 6,476,005,376 x 2,048 = 26,525,718,020,096.
    CHECK(f(c.flops.matmul) == 26'525'718'020'096.0);
    // Attention per key: 2 x 32 layers x 32 heads x (128 + 128) = 524,288; causal, as executed:
    // 524,288 x 2,048^2 / 2 = 2^19 x 2^21 = 2^40.
    CHECK(f(c.flops.attention) == 1'099'511'627'776.0);
    // Logits of the last position only: 2 x 4,096 x 32,000.
    CHECK(f(c.flops.logits) == 262'144'000.0);
    // Weights: all but the input table (13,476,831,232 - 262,144,000 = 13,214,687,232) plus the
    // 2,048 rows looked up (2,048 x 4,096 x 2 = 16,777,216).
    CHECK(b(c.weights) == 13'231'464'448.0);
    CHECK(b(c.kv_read) == 0.0);
    CHECK(b(c.kv_written) == 1'073'741'824.0);  // 2,048 x 524,288
  }
  SECTION("decode: 16 sequences with 1,023 tokens cached (1,024 keys each)") {
    const inference_cost<> c = decode_step(m, 16.0, 1023.0);
    CHECK(f(c.flops.matmul) == 207'232'172'032.0);   // 2 x 6,476,005,376 x 16
    CHECK(f(c.flops.attention) == 8'589'934'592.0);  // 524,288 x 1,024 x 16
    CHECK(f(c.flops.logits) == 4'194'304'000.0);     // 262,144,000 x 16
    // 13,214,687,232 + 16 rows of 8,192 bytes.
    CHECK(b(c.weights) == 13'214'818'304.0);
    CHECK(b(c.kv_read) == 8'589'934'592.0);  // 16 x 1,024 x 524,288
    CHECK(b(c.kv_written) == 8'388'608.0);   // 16 x 524,288
    // 220,016,410,624 FLOPs over 21,813,141,504 bytes.
    CHECK_THAT(decode_intensity(m, 16.0, 1023.0).in(flop_per_byte), WithinRel(10.0864156, 1e-7));
    // Batch 1 at context 0: 2 FLOPs per weight of 2 bytes, 1 FLOP per byte.
    CHECK_THAT(decode_intensity(m, 1.0, 0.0).in(flop_per_byte), WithinRel(1.0, 1e-3));
  }
}

TEST_CASE("GPT-3 175B (tied table, learned positions): decode reads the table for the logits",
          "[workload][inference]") {
  const transformer& m = models::gpt3_175b.shape;
  const double h = 12288;
  // Layers, norms, biases and the table with the position table are every parameter; decode
  // reads everything but the input side (table 50,257 h + positions 2,048 h), then the token
  // table again for the logits (50,257 h) and 2 rows of h per token looked up.
  const double held = 2.0 * total_parameters(m);
  const double read = held - 2.0 * (50257 + 2048) * h + 2.0 * 50257 * h + 4 * 2.0 * 2 * h;
  CHECK(b(decode_step(m, 4.0, 100.0).weights) == read);
}

TEST_CASE("Llama 3 70B (grouped-query attention): formats, KV cache and tensor parallelism",
          "[workload][inference]") {
  const transformer& m = models::llama3_70b.shape;
  // L 80, h 8192, 64 heads and 8 KV heads of 128, MLP 28672, V 128256 untied.
  // Per layer: Q and O 2 h^2 = 134,217,728; K and V 2 h x 1,024 = 16,777,216; MLP 3 h f =
  // 704,643,072 -> 855,638,016; x 80 = 68,451,041,280. Norms 161 h = 1,318,912; tables
  // 1,050,673,152 each.
  SECTION("FP8 linear layers, BF16 norms and tables") {
    const weight_quantization fp8{.linear = weight_format::fp8};
    // 68,451,041,280 + (1,318,912 + 2 x 1,050,673,152) x 2.
    CHECK(b(model_weight_bytes(m, fp8).total()) == 72'656'371'712.0);
  }
  SECTION("KV cache per token: 2 x 80 x 8 x 128 = 163,840 elements") {
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::bf16)) == 327'680.0);
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::fp8)) == 163'840.0);
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::nvfp4)) == 92'160.0);  // x 4.5 / 8
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::mxfp4)) == 87'040.0);  // x 4.25 / 8
    // Per GPU at tp 8: one KV head of eight, 40,960 bytes per token; 8 sequences of 4,096.
    const inference_sharding<> tp8{.tp = 8.0};
    CHECK(b(kv_cache_bytes_per_gpu(m, 4096.0, 8.0, tp8, weight_format::bf16)) ==
          40'960.0 * 4096 * 8);
    // tp 16 cannot split 8 heads further: still one head per GPU. pp 2 halves the layers.
    const inference_sharding<> tp16_pp2{.tp = 16.0, .pp = 2.0};
    CHECK(b(kv_cache_bytes_per_gpu(m, 4096.0, 8.0, tp16_pp2, weight_format::bf16)) ==
          20'480.0 * 4096 * 8);
  }
  SECTION("BF16 weights per GPU") {
    // tp 8: layers 68,451,041,280 x 2 / 8 = 17,112,760,320; norms whole 2,637,824; tables
    // 2,101,346,304 x 2 / 8 = 525,336,576.
    CHECK(b(weight_bytes_per_gpu(m, {}, inference_sharding<>{.tp = 8.0}).total()) ==
          17'640'734'720.0);
    // tp 16: per layer Q, O 134,217,728 / 16 = 8,388,608; K, V one of eight heads,
    // 16,777,216 / 8 = 2,097,152; MLP 704,643,072 / 16 = 44,040,192 -> 54,525,952; x 80 x 2 =
    // 8,724,152,320; norms 2,637,824; tables 2,101,346,304 x 2 / 16 = 262,668,288.
    CHECK(b(weight_bytes_per_gpu(m, {}, inference_sharding<>{.tp = 16.0}).total()) ==
          8'989'458'432.0);
    // tp 8, pp 2: half the layers 8,556,380,160, half the norms 1,318,912, and one table (the
    // first stage's input table; the last stage's LM head is as large) 262,668,288.
    const weight_bytes<> pp2 =
        weight_bytes_per_gpu(m, {}, inference_sharding<>{.tp = 8.0, .pp = 2.0});
    CHECK(b(pp2.total()) == 8'820'367'360.0);
    CHECK(b(pp2.output) == 0.0);
  }
  SECTION("decode: 64 sequences at 4,095 cached tokens, FP8 weights and FP8 cache") {
    const inference_options o{.weights = {.linear = weight_format::fp8}, .kv = weight_format::fp8};
    const inference_cost<> c = decode_step(m, 64.0, 4095.0, o);
    CHECK(f(c.flops.matmul) == 8'761'733'283'840.0);  // 2 x 68,451,041,280 x 64
    // 2 x 80 x 64 x 256 = 2,621,440 per key, x 4,096 keys x 64.
    CHECK(f(c.flops.attention) == 687'194'767'360.0);
    CHECK(f(c.flops.logits) == 134'486'163'456.0);  // 2 x 8,192 x 128,256 x 64
    // 68,451,041,280 (FP8) + 2,637,824 (norms) + 2,101,346,304 (LM head) + 64 x 16,384 (rows).
    CHECK(b(c.weights) == 70'556'073'984.0);
    CHECK(b(c.kv_read) == 42'949'672'960.0);  // 64 x 4,096 x 163,840
    CHECK(b(c.kv_written) == 10'485'760.0);   // 64 x 163,840
    CHECK(b(c.bytes()) == 113'516'232'704.0);
  }
}

TEST_CASE("DeepSeek-V3 (latent attention, 256 experts): absorbed decode, naive prefill",
          "[workload][inference]") {
  const transformer& m = models::deepseek_v3.shape;
  // Attention per layer: W^DQ 7168 x 1536 = 11,010,048; W^UQ 1536 x 128 x 192 = 37,748,736;
  // W^DKV+W^KR 7168 x 576 = 4,128,768; W^UK, W^UV 512 x 128 x 256 = 16,777,216; W^O 128 x 128
  // x 7168 = 117,440,512 -> 187,105,280. Dense MLP 3 x 7168 x 18432 = 396,361,728 (3 layers);
  // an expert 3 x 7168 x 2048 = 44,040,192; MoE layer active 9 experts + router 7168 x 256.
  // Active layer matrices: 61 x 187,105,280 + 3 x 396,361,728 + 58 x 398,196,736 =
  // 35,697,917,952, so 71,395,835,904 matmul FLOPs per token.
  SECTION("KV cache: the latent and rotary key, 576 x 61 elements per token") {
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::bf16)) == 70'272.0);
    CHECK(b(kv_cache_bytes_per_token(m, weight_format::fp8)) == 35'136.0);
    // The latent is shared by the heads: tp 8 does not split it.
    CHECK(b(kv_cache_bytes_per_gpu(m, 1000.0, 1.0, inference_sharding<>{.tp = 8.0},
                                   weight_format::fp8)) == 35'136'000.0);
  }
  SECTION("FP8 checkpoint: linear layers FP8, router, norms and tables BF16") {
    // Linear: 11,413,422,080 (attention) + 1,189,085,184 (dense) + 2,554,331,136 (shared) +
    // 58 x 256 x 44,040,192 = 653,908,770,816 (routed) = 669,065,609,216 bytes. BF16: router
    // 58 x 1,835,008 = 106,430,464, norms 123 x 7168 + 61 x 2048 = 1,006,592, tables 2 x 129,280
    // x 7168 = 1,853,358,080 -> 1,960,795,136 x 2 = 3,921,590,272.
    const weight_quantization fp8{.linear = weight_format::fp8};
    CHECK(b(model_weight_bytes(m, fp8).total()) == 672'987'199'488.0);
    CHECK(b(model_weight_bytes(m, fp8).routed_experts) == 653'908'770'816.0);
    // EP 64 with whole experts: 4 of 256 per GPU, 653,908,770,816 / 64.
    const inference_sharding<> ep64{.ep = 64.0, .expert_tp = 1.0};
    CHECK(b(weight_bytes_per_gpu(m, fp8, ep64).routed_experts) == 10'217'324'544.0);
    // tp 8: W^DQ and W^DKV+W^KR (15,138,816 per layer) stay whole on each GPU.
    const weight_bytes<> tp8 = weight_bytes_per_gpu(m, fp8, inference_sharding<>{.tp = 8.0});
    CHECK(b(tp8.attention) == 61.0 * (15'138'816.0 + (187'105'280.0 - 15'138'816.0) / 8));
  }
  SECTION("decode: 32 sequences at 4,095 cached tokens, absorbed") {
    const inference_options o{.weights = {.linear = weight_format::fp8}, .kv = weight_format::fp8};
    const inference_cost<> c = decode_step(m, 32.0, 4095.0, o);
    CHECK(f(c.flops.matmul) == 2'284'666'748'928.0);  // 71,395,835,904 x 32
    // Absorbed, per key: 2 x 61 layers x 128 heads x ((512 + 64) + 512) = 16,990,208;
    // x 4,096 keys x 32 = 2,226,940,542,976.
    CHECK(f(c.flops.attention) == 2'226'940'542'976.0);
    CHECK(f(c.flops.logits) == 59'307'458'560.0);  // 2 x 7168 x 129,280 x 32
    // Weights: 17,225,070,592 always (attention, dense MLP, shared experts in FP8; router,
    // norms, LM head in BF16) + routed experts touched: 256 (1 - (31/32)^32) = 256 x
    // (1 - 0.3620552893) = 163.3138460 per layer, x 58 layers x 44,040,192 bytes; + 32 rows of
    // 7168 x 2 bytes.
    const double touched = 163.31384595;
    CHECK_THAT(expected_experts_touched(m, 32.0), WithinRel(touched, 1e-10));
    CHECK_THAT(b(c.weights),
               WithinRel(17'225'070'592.0 + touched * 58 * 44'040'192.0 + 32 * 14'336.0, 1e-10));
    CHECK(b(c.kv_read) == 4'605'345'792.0);  // 32 x 4,096 x 35,136
    CHECK(b(c.kv_written) == 1'124'352.0);   // 32 x 35,136
  }
  SECTION("naive decode re-expands the cache; naive prefill does not") {
    inference_options naive{};
    naive.decode_latent = latent_form::naive;
    // Per key 2 x 61 x 128 x (192 + 128) = 4,997,120, x 4,096 x 32; plus re-expanding the 4,095
    // cached latents: 2 x 61 x 512 x 128 x (128 + 128) = 2,046,820,352 per key, x 4,095 x 32.
    CHECK(f(decode_step(m, 32.0, 4095.0, naive).flops.attention) == 268'870'321'438'720.0);
    // Prefill of 4,096 tokens, naive and causal: 4,997,120 x 4,096^2 / 2.
    const inference_cost<> p = prefill(m, 1.0, 4096.0);
    CHECK(f(p.flops.attention) == 41'918'880'808'960.0);
    CHECK(f(p.flops.matmul) == 292'437'343'862'784.0);  // 71,395,835,904 x 4,096
    // Absorbed prefill: the 16,990,208 per key of the absorbed form.
    inference_options absorbed{};
    absorbed.prefill_latent = latent_form::absorbed;
    CHECK(f(prefill(m, 1.0, 4096.0, absorbed).flops.attention) == 16'990'208.0 * 8'388'608);
  }
}

TEST_CASE("Mixtral 8x7B (8 experts, top 2): experts touched by a batch and per-GPU experts",
          "[workload][inference]") {
  const transformer& m = models::mixtral_8x7b.shape;
  // 8 (1 - (6/8)^B): B = 1 -> 2 (top_k), 2 -> 3.5, 4 -> 8 (1 - 81/256) = 175/32 = 5.46875.
  CHECK(expected_experts_touched(m, 0.0) == 0.0);
  CHECK(expected_experts_touched(m, 1.0) == 2.0);
  CHECK(expected_experts_touched(m, 2.0) == 3.5);
  CHECK(expected_experts_touched(m, 4.0) == 5.46875);
  CHECK_THAT(expected_experts_touched(m, 64.0), WithinRel(8.0, 1e-7));
  CHECK(expected_experts_touched(models::llama2_7b.shape, 64.0) == 0.0);
  // Attention per layer 2 h^2 + 2 h x 1,024 = 41,943,040; an expert 3 x 4096 x 14336 =
  // 176,160,768; router 4096 x 8; norms 65 x 4096; tables 131,072,000 each.
  SECTION("decode: 4 sequences at 511 cached tokens, BF16") {
    const inference_cost<> c = decode_step(m, 4.0, 511.0);
    // Matmul per token 2 x 32 x (41,943,040 + 2 x 176,160,768 + 32,768) = 25,235,030,016, x 4.
    CHECK(f(c.flops.matmul) == 100'940'120'064.0);
    CHECK(f(c.flops.attention) == 1'073'741'824.0);  // 2 x 32 x 32 x 256 x 512 keys x 4
    // Always read: (32 x 41,943,040 + 32 x 32,768 + 266,240 + 131,072,000) x 2 = 2,949,128,192;
    // routed: 32 x 5.46875 x 176,160,768 x 2 = 61,656,268,800; rows: 4 x 8,192.
    CHECK(b(c.weights) == 64'605'429'760.0);
    CHECK(b(c.kv_read) == 268'435'456.0);  // 4 x 512 x 131,072
    CHECK(b(c.kv_written) == 524'288.0);
  }
  SECTION("weights per GPU under expert parallelism") {
    // tp 2 (attention and tables halved), ep 4 whole experts: 2 of 8 per GPU.
    // 1,342,177,280 + 45,097,156,608 x 2 / 4 + 2,097,152 + 532,480 + 262,144,000.
    const inference_sharding<> ep{.tp = 2.0, .ep = 4.0, .expert_tp = 1.0};
    CHECK(b(weight_bytes_per_gpu(m, {}, ep).total()) == 24'155'529'216.0);
    // expert_tp 0 means tp: experts are spread over ep x tp = 8 GPUs.
    const inference_sharding<> ep_tp{.tp = 2.0, .ep = 4.0};
    CHECK(b(weight_bytes_per_gpu(m, {}, ep_tp).routed_experts) == 11'274'289'152.0);
    // NVFP4 experts: 45,097,156,608 x 0.5625 / 8.
    const weight_quantization fp4{.linear = weight_format::nvfp4};
    CHECK(b(weight_bytes_per_gpu(m, fp4, ep_tp).routed_experts) == 3'170'893'824.0);
  }
}

TEST_CASE("bad serving input is refused with a reason, never a NaN", "[workload][inference]") {
  const transformer& m = models::llama3_70b.shape;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(try_decode_step(m, 0.0, 100.0).error() == &reasons::inference_batch_out_of_range);
  CHECK(try_decode_step(m, 1.5, 100.0).error() == &reasons::inference_batch_out_of_range);
  CHECK(try_decode_step(m, nan, 100.0).error() == &reasons::inference_batch_out_of_range);
  CHECK(try_decode_step(m, 8.0, -1.0).error() == &reasons::inference_context_out_of_range);
  CHECK(try_decode_step(m, 8.0, nan).error() == &reasons::inference_context_out_of_range);
  CHECK(try_decode_step(m, 8.0, 2e9).error() == &reasons::inference_context_out_of_range);
  CHECK(try_prefill(m, 1.0, 0.0).error() == &reasons::inference_prompt_out_of_range);
  CHECK(try_prefill(m, 0.0, 10.0).error() == &reasons::inference_batch_out_of_range);
  inference_options bad{};
  bad.kv = static_cast<weight_format>(200);
  CHECK(try_decode_step(m, 1.0, 1.0, bad).error() == &reasons::inference_format_unknown);
  transformer broken = m;
  broken.heads = 0;
  CHECK(try_prefill(broken, 1.0, 10.0).error() == &reasons::model_size_not_positive);

  CHECK(try_weight_bytes_per_gpu(m, {}, {.tp = 3.0}).error() ==
        &reasons::inference_tp_does_not_divide_heads);
  // Qwen2.5 7B: 28 heads, 4 KV heads; tp 7 divides the heads, but not the KV heads, nor they it.
  CHECK(try_weight_bytes_per_gpu(models::qwen25_7b.shape, {}, {.tp = 7.0}).error() ==
        &reasons::inference_tp_does_not_divide_kv_heads);
  CHECK(try_weight_bytes_per_gpu(m, {}, {.tp = 0.0}).error() ==
        &reasons::inference_sharding_out_of_range);
  CHECK(try_weight_bytes_per_gpu(m, {}, {.pp = 81.0}).error() ==
        &reasons::inference_pp_exceeds_layers);
  CHECK(try_weight_bytes_per_gpu(m, {}, {.ep = 2.0}).error() ==
        &reasons::inference_ep_does_not_divide_experts);
  CHECK(try_weight_bytes_per_gpu(models::mixtral_8x7b.shape, {}, {.ep = 3.0}).error() ==
        &reasons::inference_ep_does_not_divide_experts);

  // Valid input: the same numbers as the unchecked formulas.
  const result<inference_cost<>> ok = try_decode_step(m, 8.0, 0.0);
  REQUIRE(ok);
  CHECK(ok->bytes().in(bytes) == decode_step(m, 8.0, 0.0).bytes().in(bytes));
  REQUIRE(try_weight_bytes_per_gpu(m, {}, {.tp = 16.0}));
  CHECK(try_weight_bytes_per_gpu(m, {}, {.tp = 16.0})->total().in(bytes) == 8'989'458'432.0);
}

TEST_CASE("prefill and decode on a SIMD pack give the scalar doubles lane by lane",
          "[workload][inference][simd]") {
  using P = simd::array_pack<4>;
  P batch;
  batch.lane = {1.0, 3.0, 64.0, 1000.0};
  P context;
  context.lane = {0.0, 17.0, 4095.0, 131071.0};
  inference_sharding<P> s{};
  s.tp.lane = {1.0, 2.0, 8.0, 16.0};
  s.pp.lane = {1.0, 2.0, 1.0, 4.0};
  s.ep.lane = {1.0, 1.0, 8.0, 2.0};
  s.expert_tp.lane = {0.0, 1.0, 0.0, 1.0};
  const inference_options o{.weights = {.linear = weight_format::nvfp4}, .kv = weight_format::fp8};
  for (const model_card* c : {&models::llama3_70b, &models::deepseek_v3, &models::mixtral_8x7b,
                              &models::gpt3_175b, &models::gemma2_9b}) {
    const transformer& m = c->shape;
    const inference_cost<P> d = decode_step(m, batch, context, o);
    const inference_cost<P> p = prefill(m, batch, context + P(1.0), o);
    const weight_bytes<P> w = weight_bytes_per_gpu(m, o.weights, s);
    const data_size<P> kv = kv_cache_bytes_per_gpu(m, context, batch, s, o.kv);
    for (std::size_t i = 0; i < 4; ++i) {
      INFO(c->key << " lane " << i);
      const inference_cost<> ds = decode_step(m, batch[i], context[i], o);
      const inference_cost<> ps = prefill(m, batch[i], context[i] + 1.0, o);
      CHECK(d.flops.total().base_value()[i] == ds.flops.total().base_value());
      CHECK(d.bytes().base_value()[i] == ds.bytes().base_value());
      CHECK(p.flops.total().base_value()[i] == ps.flops.total().base_value());
      CHECK(p.bytes().base_value()[i] == ps.bytes().base_value());
      const inference_sharding<> si{s.tp[i], s.pp[i], s.ep[i], s.expert_tp[i]};
      CHECK(w.total().base_value()[i] ==
            weight_bytes_per_gpu(m, o.weights, si).total().base_value());
      CHECK(kv.base_value()[i] ==
            kv_cache_bytes_per_gpu(m, context[i], batch[i], si, o.kv).base_value());
    }
  }
}
