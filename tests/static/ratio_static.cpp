// Datasheet ratios the issue pins (dense peaks; foundation issue, item 5).
#include <flopcast/catalog/vendor_claims.hpp>
#include <flopcast/estimate/ratio.hpp>
#include <flopcast/hardware/catalog.hpp>

namespace {
using namespace flopcast;
using math::approx_equal;

// H100 SXM / A100 BF16 dense: 989.5 / 312 = 3.17.
static_assert(approx_equal(peak_ratio(chips::h100_sxm, chips::a100_sxm4_80gb, precision::bf16), 3.17, 0.002));
// B200 (HGX, 1000 W) / H100 BF16: 2,250 / 989.5 = 2.27.
static_assert(approx_equal(peak_ratio(chips::b200, chips::h100_sxm, precision::bf16), 2.27, 0.002));
// B200 in GB200 NVL72 (one GPU) / H100: 2,500 / 989.5 = 2.53.
static_assert(approx_equal(peak_ratio(chips::gb200, chips::h100_sxm, precision::bf16), 2.53, 0.002));
// H100 FP8 / A100 BF16: 1,979 / 312 = 6.34.
static_assert(approx_equal(peak_ratio(chips::h100_sxm, precision::fp8, chips::a100_sxm4_80gb,
                                      precision::bf16), 6.34, 0.002));
// A superchip is two GPUs: its ratio is twice the per-GPU one.
static_assert(approx_equal(peak_ratio(chips::gb200_superchip, chips::h100_sxm, precision::bf16),
                           2.0 * peak_ratio(chips::gb200, chips::h100_sxm, precision::bf16), 1e-12));
// Memory: H100 / A100 80GB bandwidth 3.35 / 2.039 = 1.64; capacity equal.
static_assert(approx_equal(memory_bandwidth_ratio(chips::h100_sxm, chips::a100_sxm4_80gb), 1.643, 0.001));
static_assert(memory_capacity_ratio(chips::h100_sxm, chips::a100_sxm4_80gb) == 1.0);
// NVLink 4 vs NVLink 3 per GPU: 900 / 600.
static_assert(scale_up_bandwidth_ratio(chips::h100_sxm, chips::a100_sxm4_80gb) == 1.5);
// compare() leaves 0 where a chip lacks the precision (A100 has no FP8).
static_assert(compare(chips::h100_sxm, chips::a100_sxm4_80gb).fp8 == 0.0);
static_assert(compare(chips::gb200, chips::h100_sxm).scale_up_domain == 9.0);

// Vendor claims carry their basis; the datasheet ratio on that basis differs from the claim.
static_assert(claims::b200_vs_h100_training_3x.datasheet_ratio() < 3.0);
static_assert(approx_equal(claims::gb200_nvl72_vs_h100_training_4x.datasheet_ratio(), 2.53, 0.002));
static_assert(claims::h100_vs_a100_training_4x.datasheet_ratio() > 6.0);  // FP8 vs BF16 basis
static_assert(all_vendor_claims.size() == 15);
static_assert(claims::b200_training_4x_misattributed.status == claim_status::misattribution);
}  // namespace
