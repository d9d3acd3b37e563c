#pragma once
#include "flopcast/core/config.hpp"
// Measured energy and power of training, as published: the evidence behind the power factor
// (average draw over a run / the published system maximum) that estimate/power.hpp defaults to.
//
// Two kinds of evidence:
//   - measured_energy_run: a run with its measured energy and time, from which the power factor
//     it implies follows (energy / (systems x system maximum x time));
//   - measured_power_fraction: a published fraction of a system's rating drawn while training.
// What is not here: training-energy figures computed from TDP x GPU-hours (BLOOM's 433 MWh, the
// Llama 3.1 model card's 700 W): they assume a factor, they do not measure one.
#include <array>
#include <string_view>

#include "flopcast/core/units.hpp"
#include "flopcast/hardware/facility.hpp"

namespace flopcast {

struct measured_energy_run {
  std::string_view name{};
  const system_power_spec* system = nullptr;  // the system whose published maximum is the base
  double systems = 0;                         // how many of them ran
  std::string_view workload{};
  duration<> time{};   // measured time to train
  energy<> drawn{};    // measured energy over that time
  bool network_included = false;  // the measurement covers the scale-out switches
  std::string_view published{};
  std::string_view source{};
  std::string_view notes{};

  constexpr double accelerators() const { return systems * system->accelerators(); }
  constexpr power<> average_power() const { return drawn / time; }
  // The IT budget flopcast assigns the run: the systems' published maximum, plus the fat tree's
  // share (hardware/facility.hpp) when the measurement covers the network.
  constexpr power<> it_budget() const {
    power<> p = system->system_power * systems;
    if (network_included) {
      p += network_power_per_accelerator(fabric_power::infiniband_ndr, accelerators(),
                                         system->chip().scale_up.domain_typical) *
           accelerators();
    }
    return p;
  }
  // The power factor the measurement implies: average draw / the IT budget (before PUE).
  constexpr double power_factor() const { return average_power() / it_budget(); }
};

struct measured_power_fraction {
  std::string_view name{};
  const system_power_spec* system = nullptr;
  double fraction = 0;  // drawn / the system's published maximum
  std::string_view kind{};  // "peak" or "average"
  std::string_view published{};
  std::string_view source{};
  std::string_view notes{};
};

namespace energy_evidence {
// MLPerf Training v4.0 (June 2024), the first power-measured training results: Sustainable Metal
// Cloud's immersion-cooled HGX H100 nodes on Llama 2 70B LoRA fine-tuning, energy measured at
// the DC input of the nodes (and, above one node, of the network), verified by MLCommons. Node
// counts follow from energy / (time x the page's average power per node): 1.00, 8.00 and 64.00
// exactly; 8 H100 per HGX node. Data-centre overheads (PUE) are outside MLPerf's boundary.
inline constexpr std::string_view smc_source =
    "https://smc.co/mlperfv40/results/llama2-70b-lora ; https://firmus.co/research-lab/mlperf";

inline constexpr measured_energy_run smc_lora_8 = {
    .name = "MLPerf Training v4.0, SMC, 8 H100",
    .system = &system_power::dgx_h100,
    .systems = 1,
    .workload = "Llama 2 70B LoRA fine-tuning",
    .time = 29.10069 * minutes,
    .drawn = 11'769'962.0 * joules,
    .network_included = false,
    .published = "2024-06",
    .source = smc_source,
    .notes = "One node, no scale-out network: 6.74 kW DC average (12,127,904 J AC).",
};

inline constexpr measured_energy_run smc_lora_64 = {
    .name = "MLPerf Training v4.0, SMC, 64 H100",
    .system = &system_power::dgx_h100,
    .systems = 8,
    .workload = "Llama 2 70B LoRA fine-tuning",
    .time = 5.40279 * minutes,
    .drawn = 20'381'549.0 * joules,
    .network_included = true,
    .published = "2024-06",
    .source = smc_source,
    .notes = "Per node 5.85 kW compute + 2.01 kW network, DC (20,644,275 J AC).",
};

inline constexpr measured_energy_run smc_lora_512 = {
    .name = "MLPerf Training v4.0, SMC, 512 H100",
    .system = &system_power::dgx_h100,
    .systems = 64,
    .workload = "Llama 2 70B LoRA fine-tuning",
    .time = 2.10304 * minutes,
    .drawn = 45'837'402.0 * joules,
    .network_included = true,
    .published = "2024-06",
    .source = smc_source,
    .notes = "Per node 4.75 kW compute + 0.93 kW network, DC (46,574,813 J AC). A 2-minute "
             "run: start-up and communication weigh more than in a months-long pre-training "
             "run, which is why it is the low end.",
};

inline constexpr std::array<const measured_energy_run*, 3> runs{&smc_lora_8, &smc_lora_64,
                                                                &smc_lora_512};

inline constexpr measured_power_fraction h100_node_peak = {
    .name = "8 x H100 HGX node, training peak",
    .system = &system_power::dgx_h100,
    .fraction = 8.4 / 10.2,
    .kind = "peak",
    .published = "2024-12",
    .source = "https://arxiv.org/abs/2412.08602",
    .notes = "Latif et al., Empirical Measurements of AI Training Power Demand on a "
             "GPU-Accelerated Node: about 8.4 kW at most while training ResNet and Llama 2 13B, "
             "18% below the 10.2 kW rating.",
};

inline constexpr measured_power_fraction h100_node_training = {
    .name = "8 x H100 HGX node, compute-intensive training",
    .system = &system_power::dgx_h100,
    .fraction = 0.76,
    .kind = "average",
    .published = "2025-06",
    .source = "https://arxiv.org/abs/2506.14551",
    .notes = "Newkirk et al.: compute-intensive training drew 76% of the 10.2 kW rating.",
};

inline constexpr std::array<const measured_power_fraction*, 2> fractions{&h100_node_peak,
                                                                         &h100_node_training};
}  // namespace energy_evidence

}  // namespace flopcast
