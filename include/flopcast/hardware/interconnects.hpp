#pragma once
#include "flopcast/core/config.hpp"
// The interconnect catalog: every link and latency figure flopcast carries, with its sources.
//
//   flopcast::links::*            35 link, switch, host-link and fabric rows, each checked()
//   flopcast::latency_models::*   the 8 "software model latency" rows: constants that NCCL,
//                                 Calculon, llm-analysis and the scaling-book use for the alpha
//                                 term of a collective. Model parameters, not link hardware.
//
// Units: GB/s decimal (1e9 B/s), lane and port rates in Gb/s.
// Direction follows the field names (see <flopcast/hardware/interconnect.hpp>); both the
// per-direction and the bidirectional figure are stored wherever the sources give both. Each
// entry carries .verification (how well supported), .source (URLs) and .notes (caveats and
// disagreements between sources); comments add what the model needs to know.
#include <array>
#include <string_view>

#include "flopcast/hardware/interconnect.hpp"

namespace flopcast::links {

// ---- NVIDIA NVLink (GPU-GPU) --------------------------------------------------------------------
// Per link: lanes x lane rate per direction; per chip: links x per link. NVIDIA's datasheets
// quote the bidirectional per-GPU figure (H100 "900 GB/s"); collectives use the per-direction
// one (450 GB/s), as scaling-book, Calculon, llm-analysis and stas00 do.

inline constexpr link_spec nvlink_1 = checked({
    .name = "NVLink 1",
    .family = link_family::nvlink,
    .generation = 1,
    .category = "scale-up GPU-GPU link",
    .year = 2016,
    .first_products = "P100",
    .lane_rate = 20.0 * gigabits_per_s,  // 20 Gb/s x 8 lanes = 20 GB/s per direction
    .lanes_per_link_per_direction = 8,
    .links_per_chip = 4,
    .per_link_per_direction = 20.0 * gigabytes_per_s,
    .per_link_bidirectional = 40.0 * gigabytes_per_s,
    .per_chip_per_direction = 80.0 * gigabytes_per_s,
    .per_chip_bidirectional = 160.0 * gigabytes_per_s,
    .domain_typical = 8,
    .domain_max = 8,
    .switch_notes = "No switch; DGX-1 hybrid cube-mesh",
    .verification = "stas00 table (lane 2.5 GB/s x 8 x 4 links); NVIDIA NVLink page",
    .source = "https://www.nvidia.com/en-us/data-center/nvlink/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
    .notes = "Effective payload rates; NVIDIA quotes the bidirectional per-GPU number.",
});

inline constexpr link_spec nvlink_2 = checked({
    .name = "NVLink 2",
    .family = link_family::nvlink,
    .generation = 2,
    .category = "scale-up GPU-GPU link",
    .year = 2017,
    .first_products = "V100",
    .lane_rate = 25.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 8,
    .links_per_chip = 6,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .per_chip_per_direction = 150.0 * gigabytes_per_s,  // Calculon/llm-analysis: 150 uni (V100)
    .per_chip_bidirectional = 300.0 * gigabytes_per_s,  // NVIDIA V100 spec: 300 GB/s
    .domain_typical = 8,
    .domain_max = 16,
    .switch_notes = "DGX-1V cube-mesh (8); DGX-2 with 12x NVSwitch gen1 (16 GPUs)",
    .verification = "2+ sources: stas00, NVIDIA V100 spec (300 GB/s), Calculon/llm-analysis "
                    "(150 GB/s uni for V100)",
    .source = "https://www.nvidia.com/en-us/data-center/nvlink/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs",
});

inline constexpr link_spec nvlink_3 = checked({
    .name = "NVLink 3",
    .family = link_family::nvlink,
    .generation = 3,
    .category = "scale-up GPU-GPU link",
    .year = 2020,
    .first_products = "A100",
    .lane_rate = 50.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 4,
    .links_per_chip = 12,
    .per_link_per_direction = 25.0 * gigabytes_per_s,  // scaling-book: 25 GB/s/link/dir
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .per_chip_per_direction = 300.0 * gigabytes_per_s,  // Calculon a100: 300 GB/s uni
    .per_chip_bidirectional = 600.0 * gigabytes_per_s,  // NVIDIA A100 datasheet: 600 GB/s
    .domain_typical = 8,
    .domain_max = 16,
    .switch_notes = "6x NVSwitch gen2 per HGX A100 8-GPU board",
    .verification = "2+ sources: stas00, scaling-book (25 GB/s/link/dir, 12 links, 6 switches), "
                    "NVIDIA A100 datasheet (600 GB/s), Calculon a100 (300 GB/s uni)",
    .source = "https://www.nvidia.com/en-us/data-center/nvlink/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://www.nvidia.com/en-us/data-center/a100/ ; "
              "https://github.com/calculon-ai/calculon/tree/main/systems",
    .notes = "Measured p2p ~274 GB/s uni on A100 (stas00, ~91%); NCCL busbw ~235 GB/s (78%).",
});

// H800 has 8 of the 18 links (400 GB/s bidirectional): a chip property, in the chip catalog.
inline constexpr link_spec nvlink_4 = checked({
    .name = "NVLink 4",
    .family = link_family::nvlink,
    .generation = 4,
    .category = "scale-up GPU-GPU link",
    .year = 2022,
    .first_products = "H100, H200, GH200 (H800: 8 links = 400 GB/s)",
    .lane_rate = 100.0 * gigabits_per_s,  // PAM4: 100 Gb/s x 2 lanes = 25 GB/s per direction
    .lanes_per_link_per_direction = 2,
    .links_per_chip = 18,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .per_chip_per_direction = 450.0 * gigabytes_per_s,  // scaling-book, Calculon: 450 uni
    .per_chip_bidirectional = 900.0 * gigabytes_per_s,  // NVIDIA H100 datasheet: 900 GB/s
    .domain_typical = 8,
    .domain_max = 256,
    .switch_notes = "4x NVSwitch gen3 per HGX H100 (5+4+4+5 links); NVLink Switch System up to "
                    "256 GPUs",
    .verification = "2+ sources: stas00, scaling-book, NVIDIA H100 datasheet, MLPerf H200 system "
                    "JSON ('18x 4th Gen NVLink, 900GB/s')",
    .source = "https://www.nvidia.com/en-us/data-center/nvlink/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://www.nvidia.com/en-us/data-center/h100/ ; "
              "https://github.com/calculon-ai/calculon/tree/main/systems",
    .notes = "PAM4 signaling; nvidia-smi reports 26.5625 GB/s raw per link (x0.94 encoding = 25). "
             "Measured p2p ~376 GB/s uni (83%); NCCL all-reduce busbw ~367 GB/s ring, ~480 GB/s "
             "with NVLS/SHARP (stas00).",
});

inline constexpr link_spec nvlink_5 = checked({
    .name = "NVLink 5",
    .family = link_family::nvlink,
    .generation = 5,
    .category = "scale-up GPU-GPU link",
    .year = 2024,
    .first_products = "B100, B200, GB200, B300, GB300",
    .lane_rate = 200.0 * gigabits_per_s,  // "2 differential pairs per direction, 50 GB/s per link"
    .lanes_per_link_per_direction = 2,
    .links_per_chip = 18,
    .per_link_per_direction = 50.0 * gigabytes_per_s,
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .per_chip_per_direction = 900.0 * gigabytes_per_s,
    .per_chip_bidirectional = 1800.0 * gigabytes_per_s,  // Blackwell tech brief: 1.8 TB/s
    .domain_typical = 8,  // HGX B200/B300; 72 on GB200/GB300 NVL72 (see notes)
    .domain_max = 576,
    .switch_notes = "HGX B200: 2 NVLink Switch chips; NVL72: 18 chips in 9 trays, 130 TB/s "
                    "aggregate",
    .verification = "2+ sources: stas00, scaling-book, Blackwell tech brief ('2 differential pairs "
                    "per direction, 50 GB/s per link, 18 links, 1.8 TB/s, >14x PCIe Gen5')",
    .source = "https://www.nvidia.com/en-us/data-center/nvlink/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://resources.nvidia.com/en-us-blackwell-architecture ; "
              "https://www.nvidia.com/en-us/data-center/gb200-nvl72/",
    .notes = "Domain: 8 on HGX B200/B300, 72 on GB200/GB300 NVL72, up to 576 with external NVLink "
             "Switch. Measured p2p ~746 GB/s uni on GB200 (83%). nvidia-smi reports 53.125 GB/s "
             "raw per link on B200.",
});

// Announced, single source: no lane rate, no maximum domain.
inline constexpr link_spec nvlink_6 = checked({
    .name = "NVLink 6",
    .family = link_family::nvlink,
    .generation = 6,
    .category = "scale-up GPU-GPU link (announced)",
    .pre_release = true,
    .year = 2026,
    .first_products = "Rubin (announced)",
    .lanes_per_link_per_direction = 2,
    .links_per_chip = 36,
    .per_link_per_direction = 50.0 * gigabytes_per_s,
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .per_chip_per_direction = 1800.0 * gigabytes_per_s,
    .per_chip_bidirectional = 3600.0 * gigabytes_per_s,
    .domain_typical = 72,
    .verification = "single-source (stas00 'announced, availability not confirmed')",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "Pre-release figures; included for roadmap modelling only.",
});

// CPU-GPU, not GPU-GPU: not a scale-up link for collectives.
inline constexpr link_spec nvlink_c2c = checked({
    .name = "NVLink-C2C",
    .family = link_family::nvlink_c2c,
    .category = "CPU-GPU coherent link",
    .year = 2023,
    .first_products = "GH200, GB200, GB300",
    .per_chip_per_direction = 450.0 * gigabytes_per_s,  // stas00 (citing SemiAnalysis)
    .per_chip_bidirectional = 900.0 * gigabytes_per_s,  // NVIDIA markets 900 GB/s
    .verification = "NVIDIA markets 900 GB/s; 450 GB/s per direction per stas00 (citing "
                    "SemiAnalysis)",
    .source = "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "Measured ~370 GB/s one-way H2D/D2H on a GB300 DGX Station (~82%); bidirectional "
             "limited by Grace LPDDR5X (stas00).",
});

// ---- NVIDIA NVSwitch (switch chips; per_chip_* is per switch chip) ------------------------------

inline constexpr link_spec nvswitch_1 = checked({
    .name = "NVSwitch gen1",
    .family = link_family::nvswitch,
    .generation = 1,
    .category = "scale-up switch",
    .year = 2018,
    .first_products = "DGX-2 (V100)",
    .domain_typical = 16,
    .domain_max = 16,
    .switch_notes = "18 NVLink2 ports per chip; 12 chips connect 16 GPUs",
    .verification = "single-source for port count (recollection; consistent with stas00 'gen 1 "
                    "came out with V100')",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://www.nvidia.com/en-us/data-center/nvlink/",
});

inline constexpr link_spec nvswitch_2 = checked({
    .name = "NVSwitch gen2",
    .family = link_family::nvswitch,
    .generation = 2,
    .category = "scale-up switch",
    .year = 2020,
    .first_products = "HGX/DGX A100",
    .domain_typical = 8,
    .domain_max = 16,
    .switch_notes = "6 chips per 8-GPU baseboard (2 links per GPU per switch); 36 NVLink3 ports "
                    "per chip (recollection)",
    .verification = "6 switches per node: scaling-book + stas00; port count single-source",
    .source = "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

inline constexpr link_spec nvswitch_3 = checked({
    .name = "NVSwitch gen3 (NVLink4 switch)",
    .family = link_family::nvswitch,
    .generation = 3,
    .category = "scale-up switch",
    .year = 2022,
    .first_products = "HGX H100/H200, NVLink Switch System",
    // Per switch chip: 64 NVLink4 ports x 25 GB/s = 1.6 TB/s one way (scaling-book).
    .per_chip_per_direction = 1600.0 * gigabytes_per_s,
    .per_chip_bidirectional = 3200.0 * gigabytes_per_s,
    .domain_typical = 8,
    .domain_max = 256,
    .switch_notes = "64 NVLink4 ports per chip; 4 chips per HGX H100; 3.6 TB/s node bisection; "
                    "SHARP in-network reduction (NVLS)",
    .verification = "2 sources: scaling-book (64 ports, 1.6 TB/s uni per switch, 3.6 TB/s "
                    "bisection), Hot Chips 34 NVSwitch talk (cited by scaling-book)",
    .source = "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://hc34.hotchips.org/assets/program/conference/day2/Network%20and%20Switches/"
              "NVSwitch%20HotChips%202022%20r5.pdf ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "per_chip_* columns here are per switch chip.",
});

inline constexpr link_spec nvswitch_4 = checked({
    .name = "NVLink Switch gen4 (NVLink5 switch)",
    .family = link_family::nvswitch,
    .generation = 4,
    .category = "scale-up switch",
    .year = 2024,
    .first_products = "HGX B200/B300, GB200/GB300 NVL72",
    // Derived, not quoted: 72 ports x 50 GB/s per switch chip.
    .per_chip_per_direction = 3600.0 * gigabytes_per_s,
    .per_chip_bidirectional = 7200.0 * gigabytes_per_s,
    .domain_typical = 72,
    .domain_max = 576,
    .switch_notes = "72 NVLink5 ports per chip (inferred: 72 GPUs x 18 links / 18 chips; HGX: "
                    "8 x 18 / 2); 2 chips per tray; ~50B transistors, 3.6 TFLOPS SHARP (GTC 2024 "
                    "coverage)",
    .verification = "Port count derived from NVL72/HGX topology (scaling-book: 2/18 switches per "
                    "node); per-chip bandwidth derived; not a quoted spec",
    .source = "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://www.nvidia.com/en-us/data-center/gb200-nvl72/ ; "
              "https://technewsrooms.com/nvidia-unveils-blackwell-b200-gpu",
    .notes = "per_chip_* columns here are per switch chip (derived). NVL72 aggregate 130 TB/s = "
             "72 x 1.8 TB/s.",
});

// ---- PCI Express x16 (host links; one link per chip)
// --------------------------------------------- Lane rate in GT/s (= Gb/s of signalling); payload
// after 128b/130b encoding (Gen3-5) or FLIT mode (Gen6). Year = PCI-SIG specification release.

inline constexpr link_spec pcie_3 = checked({
    .name = "PCIe Gen3 x16",
    .family = link_family::pcie,
    .generation = 3,
    .category = "host link",
    .year = 2010,
    .lane_rate = 8.0 * gigabits_per_s,  // 8 GT/s
    .lanes_per_link_per_direction = 16,
    .links_per_chip = 1,
    .per_chip_per_direction = 15.75 * gigabytes_per_s,  // 16 x 8 x 128/130 / 8
    .per_chip_bidirectional = 31.5 * gigabytes_per_s,
    .verification = "arithmetic (8 GT/s, 128b/130b); NVIDIA T4 datasheet quotes '32 GB/s' bidir",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://pcisig.com/specifications",
    .notes = "Year = PCI-SIG specification release.",
});

inline constexpr link_spec pcie_4 = checked({
    .name = "PCIe Gen4 x16",
    .family = link_family::pcie,
    .generation = 4,
    .category = "host link",
    .year = 2017,
    .lane_rate = 16.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 16,
    .links_per_chip = 1,
    .per_chip_per_direction = 31.5 * gigabytes_per_s,
    .per_chip_bidirectional = 63.0 * gigabytes_per_s,  // vendors round to 64
    .verification = "2+ sources: stas00 (31 / 62), NVIDIA A100 datasheet ('64 GB/s'), ROCm MI250 "
                    "doc (PCIe Gen4 x16)",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://pcisig.com/specifications",
    .notes = "Year = spec release. Vendors round bidir to 64 GB/s.",
});

inline constexpr link_spec pcie_5 = checked({
    .name = "PCIe Gen5 x16",
    .family = link_family::pcie,
    .generation = 5,
    .category = "host link",
    .year = 2019,
    .lane_rate = 32.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 16,
    .links_per_chip = 1,
    .per_chip_per_direction = 63.0 * gigabytes_per_s,   // measured 55.4 H2D on H200 (88%)
    .per_chip_bidirectional = 126.0 * gigabytes_per_s,  // vendors round to 128
    .verification = "2+ sources: stas00 (63/126; measured 55.4 GB/s H2D on H200 = 88%), NVIDIA "
                    "H100 datasheet ('128 GB/s')",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://pcisig.com/specifications ; "
              "https://www.nvidia.com/en-us/data-center/h100/",
    .notes = "Year = spec release. Vendors round bidir to 128 GB/s. Typical host link for "
             "H100/H200/MI300X/MI355X/Gaudi 3.",
});

inline constexpr link_spec pcie_6 = checked({
    .name = "PCIe Gen6 x16",
    .family = link_family::pcie,
    .generation = 6,
    .category = "host link",
    .year = 2022,
    .lane_rate = 64.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 16,
    .links_per_chip = 1,
    .per_chip_per_direction = 121.0 * gigabytes_per_s,  // effective, FLIT mode (128 raw)
    .per_chip_bidirectional = 242.0 * gigabytes_per_s,
    .verification = "stas00 (121/242 effective, FLIT mode); Lockwood lists 256 GB/s raw for "
                    "B200/B300",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://pcisig.com/specifications ; "
              "https://glennklockwood.com/garden/processors/B200",
    .notes = "Spec 2022; first products 2025 (B300 / ConnectX-8). 128 GB/s per direction raw.",
});

// ---- InfiniBand (scale-out; 4x links; per link = one port, one direction = line rate / 8) -------

inline constexpr link_spec infiniband_edr = checked({
    .name = "InfiniBand EDR",
    .family = link_family::infiniband,
    .category = "scale-out fabric",
    .year = 2014,
    .lane_rate = 25.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 4,
    .per_link_per_direction = 12.5 * gigabytes_per_s,
    .per_link_bidirectional = 25.0 * gigabytes_per_s,
    .port_rate = 100.0 * gigabits_per_s,
    .latency = 0.5 * microseconds,  // adapter latency; single source
    .latency_basis = "adapter latency (Wikipedia InfiniBand table, via stas00) - single-source",
    .verification = "rate: 2+ sources (IBTA roadmap, stas00); latency single-source",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://infinibandta.org/infiniband-roadmap/",
});

inline constexpr link_spec infiniband_hdr = checked({
    .name = "InfiniBand HDR",
    .family = link_family::infiniband,
    .category = "scale-out fabric",
    .year = 2018,
    .lane_rate = 50.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 4,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .port_rate = 200.0 * gigabits_per_s,
    .latency = 0.6 * microseconds,  // "<0.6 us" adapter latency; single source
    .latency_basis = "adapter latency '<0.6 us' (Wikipedia via stas00) - single-source",
    .verification = "rate: 2+ sources; latency single-source",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://infinibandta.org/infiniband-roadmap/",
    .notes = "DGX A100: one HDR 200G per GPU.",
});

inline constexpr link_spec infiniband_ndr = checked({
    .name = "InfiniBand NDR",
    .family = link_family::infiniband,
    .category = "scale-out fabric",
    .year = 2021,
    .lane_rate = 100.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 4,
    .per_link_per_direction = 50.0 * gigabytes_per_s,
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .port_rate = 400.0 * gigabits_per_s,
    .switch_notes = "Quantum-2: 64x 400G ports (51.2 Tb/s); ConnectX-7 HCA",
    .verification = "2+ sources: IBTA, NVIDIA NDR cabling guide, scaling-book SuperPOD section, "
                    "stas00. No vendor latency published (stas00).",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://infinibandta.org/infiniband-roadmap/ ; "
              "https://docs.nvidia.com/dgx-superpod/design-guide-cabling-data-centers/latest/"
              "ndr-overview.html ; "
              "https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-"
              "infrastructure-h100/latest/network-fabrics.html ; "
              "https://jax-ml.github.io/scaling-book/gpus/ ; "
              "https://github.com/NVIDIA/nccl/blob/master/src/graph/tuning.cc ; "
              "https://github.com/calculon-ai/calculon/tree/main/systems",
    .notes = "DGX H100/B200/GB200: one 400G NIC per GPU. NVIDIA publishes no NDR end-to-end "
             "latency (stas00); see the software-model latency rows.",
});

inline constexpr link_spec infiniband_xdr = checked({
    .name = "InfiniBand XDR",
    .family = link_family::infiniband,
    .category = "scale-out fabric",
    .year = 2023,
    .lane_rate = 200.0 * gigabits_per_s,
    .lanes_per_link_per_direction = 4,
    .per_link_per_direction = 100.0 * gigabytes_per_s,
    .per_link_bidirectional = 200.0 * gigabytes_per_s,
    .port_rate = 800.0 * gigabits_per_s,
    .switch_notes = "Quantum-X800; ConnectX-8 SuperNIC (800G, PCIe Gen6)",
    .verification = "2+ sources: IBTA XDR release, stas00 (DGX B300: 8x 800G CX-8)",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://infinibandta.org/infiniband-roadmap/ ; "
              "https://infinibandta.org/ibta-unveils-xdr-infiniband-specification-to-enable-the-"
              "next-generation-of-ai-and-scientific-computing/ ; "
              "https://www.nvidia.com/en-us/data-center/dgx-b300/",
    .notes = "GB300 NVL72 / B300: 800 Gb/s per GPU.",
});

// ---- Ethernet with RoCE v2 (scale-out; port-rate arithmetic) ------------------------------------

inline constexpr link_spec ethernet_100g = checked({
    .name = "Ethernet 100GbE (RoCE v2)",
    .family = link_family::ethernet,
    .category = "scale-out fabric",
    .year = 2015,
    .per_link_per_direction = 12.5 * gigabytes_per_s,
    .per_link_bidirectional = 25.0 * gigabytes_per_s,
    .port_rate = 100.0 * gigabits_per_s,
    .verification = "port-rate arithmetic; deployment examples from stas00",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://www.nvidia.com/en-us/networking/spectrumx/",
    .notes = "Gaudi 2 uses 24x 100GbE on-die; AWS EFA v2 uses 32x 100G per P5 node. Year = "
             "approximate first IEEE/product availability. No vendor latency figure located.",
});

inline constexpr link_spec ethernet_200g = checked({
    .name = "Ethernet 200GbE (RoCE v2)",
    .family = link_family::ethernet,
    .category = "scale-out fabric",
    .year = 2018,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .port_rate = 200.0 * gigabits_per_s,
    .verification = "port-rate arithmetic; deployment examples from stas00",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://www.nvidia.com/en-us/networking/spectrumx/",
    .notes = "Gaudi 3 uses 24x 200GbE on-die; AWS EFA v3 16x 200G per P5en/Trn2 instance. Year = "
             "approximate first IEEE/product availability. No vendor latency figure located.",
});

inline constexpr link_spec ethernet_400g = checked({
    .name = "Ethernet 400GbE (RoCE v2)",
    .family = link_family::ethernet,
    .category = "scale-out fabric",
    .year = 2020,
    .per_link_per_direction = 50.0 * gigabytes_per_s,
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .port_rate = 400.0 * gigabits_per_s,
    .verification = "port-rate arithmetic; deployment examples from stas00",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://www.nvidia.com/en-us/networking/spectrumx/",
    .notes = "Spectrum-X / Spectrum-4 class fabrics; AWS EFA v4 400G interfaces. Year = "
             "approximate first IEEE/product availability. No vendor latency figure located.",
});

inline constexpr link_spec ethernet_800g = checked({
    .name = "Ethernet 800GbE (RoCE v2)",
    .family = link_family::ethernet,
    .category = "scale-out fabric",
    .year = 2023,
    .per_link_per_direction = 100.0 * gigabytes_per_s,
    .per_link_bidirectional = 200.0 * gigabytes_per_s,
    .port_rate = 800.0 * gigabits_per_s,
    .verification = "port-rate arithmetic; deployment examples from stas00",
    .source = "https://github.com/stas00/ml-engineering/blob/master/network/README.md ; "
              "https://www.nvidia.com/en-us/networking/spectrumx/",
    .notes = "Spectrum-4 SN5600: 64x 800GbE = 51.2 Tb/s (stas00). ConnectX-8 supports 800G "
             "Ethernet. Year = approximate first IEEE/product availability. No vendor latency "
             "figure located.",
});

// ---- AMD Infinity Fabric (xGMI; switchless meshes)
// ----------------------------------------------- AMD does not say whether its "Peak Infinity
// Fabric Link Bandwidth" is one way or both; flopcast (with stas00) reads it as bidirectional.
// Peer-to-peer uses one link; the per-chip figure is reached only by all-to-all over every peer
// (ROCm MI300 doc: 7 links, fully connected; see infinity_fabric_mi300x below).

inline constexpr link_spec infinity_fabric_mi250x = checked({
    .name = "AMD Infinity Fabric (MI250X, CDNA2)",
    .family = link_family::infinity_fabric,
    .category = "scale-up GPU-GPU link",
    .year = 2021,
    .first_products = "MI250X, MI250",
    .lane_rate = 25.0 * gigabits_per_s,  // xGMI 25 GT/s x16
    .lanes_per_link_per_direction = 16,
    .links_per_chip = 8,  // AMD: up to 8; stas00 counts 7 GPU-GPU links (350 / 700)
    .per_link_per_direction = 50.0 * gigabytes_per_s,  // ROCm MI250 doc
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .per_chip_per_direction = 400.0 * gigabytes_per_s,
    .per_chip_bidirectional = 800.0 * gigabytes_per_s,  // AMD MI250X page
    .domain_typical = 4,
    .domain_max = 4,
    .switch_notes = "No switch; point-to-point mesh; in-package GCD-GCD 4 links (200 GB/s per "
                    "direction)",
    .verification = "per-link 50 GB/s/dir: ROCm MI250 doc; link count and 800 GB/s: AMD page; "
                    "stas00 uses 7 links (350/700)",
    .source = "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi250.html ; "
              "https://www.amd.com/en/products/accelerators/instinct/mi200/mi250x.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "xGMI runs at 25 GT/s x16. Domain = 4 OAM packages (8 GCDs). AMD lists up to 8 links; "
             "stas00 counts 7 GPU-GPU links (350 uni / 700 bidir).",
});

inline constexpr link_spec infinity_fabric_mi300x = checked({
    .name = "AMD Infinity Fabric (MI300X / MI325X, CDNA3)",
    .family = link_family::infinity_fabric,
    .category = "scale-up GPU-GPU link",
    .year = 2023,
    .first_products = "MI300X, MI325X",
    .links_per_chip = 7,
    .per_link_per_direction = 64.0 * gigabytes_per_s,   // 128 read as duplex (stas00)
    .per_link_bidirectional = 128.0 * gigabytes_per_s,  // AMD: "Peak ... Link Bandwidth 128 GB/s"
    .per_chip_per_direction = 448.0 * gigabytes_per_s,
    .per_chip_bidirectional = 896.0 * gigabytes_per_s,
    .domain_typical = 8,
    .domain_max = 8,
    .switch_notes = "No switch; fully connected 8-GPU mesh; 8th link/PCIe Gen5 x16 to host",
    .verification = "AMD: 7 links, 'Peak Infinity Fabric Link Bandwidth 128 GB/s' (directionality "
                    "not stated); stas00 treats as duplex (64/dir); ROCm MI300 doc (7 links, fully "
                    "connected)",
    .source = "https://www.amd.com/content/dam/amd/en/documents/instinct-tech-docs/data-sheets/"
              "amd-instinct-mi300x-data-sheet.pdf ; "
              "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html ; "
              "https://rocm.docs.amd.com/en/latest/conceptual/gpu-arch/mi300.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "Peer-to-peer between two GPUs is one link only (64 GB/s per direction); 448 GB/s uni "
             "only for all-to-all over 7 peers.",
});

inline constexpr link_spec infinity_fabric_mi355x = checked({
    .name = "AMD Infinity Fabric (MI355X, CDNA4)",
    .family = link_family::infinity_fabric,
    .category = "scale-up GPU-GPU link",
    .year = 2025,
    .first_products = "MI350X, MI355X",
    .links_per_chip = 7,
    .per_link_per_direction = 76.8 * gigabytes_per_s,
    .per_link_bidirectional = 153.6 * gigabytes_per_s,  // AMD MI355X page (stas00: 153)
    .per_chip_per_direction = 537.6 * gigabytes_per_s,
    .per_chip_bidirectional = 1075.2 * gigabytes_per_s,
    .domain_typical = 8,
    .domain_max = 8,
    .switch_notes = "No switch; fully connected 8-GPU mesh",
    .verification = "stas00 (153 GB/s per link read as duplex -> 76.5/dir, 535.5 uni all-to-all); "
                    "AMD MI355X page (153.6 GB/s, recollection)",
    .source = "https://www.amd.com/en/products/accelerators/instinct/mi350/mi355x.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "Small discrepancy 153 vs 153.6 GB/s per link.",
});

// ---- Google TPU ICI (torus; per link = one neighbour, one direction)
// ----------------------------- Older Google docs gave per-chip one-way totals in Gbps, newer ones
// "bidirectional GBps" (cloud.google.com/tpu/docs); both agree with scaling-book's per-link
// one-way rates.

inline constexpr link_spec tpu_v4_ici = checked({
    .name = "Google TPU v4 ICI",
    .family = link_family::tpu_ici,
    .category = "scale-up TPU ICI",
    .year = 2021,
    .first_products = "TPU v4",
    .links_per_chip = 6,
    .per_link_per_direction = 45.0 * gigabytes_per_s,  // scaling-book only
    .per_link_bidirectional = 90.0 * gigabytes_per_s,
    .per_chip_per_direction = 270.0 * gigabytes_per_s,  // derived: 6 x 45 (Google publishes none)
    .per_chip_bidirectional = 540.0 * gigabytes_per_s,
    .domain_max = 4096,
    .switch_notes = "3D torus; optical circuit switches between 4x4x4 cubes",
    .verification = "per-link values: scaling-book only; per-chip derived x6 (single-source)",
    .source = "https://cloud.google.com/tpu/docs/v4 ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
    .notes = "Google v4 doc lists pod bisection 24 TB/s and all-reduce 1.1 PB/s but no per-chip "
             "ICI figure.",
});

inline constexpr link_spec tpu_v5e_ici = checked({
    .name = "Google TPU v5e ICI",
    .family = link_family::tpu_ici,
    .category = "scale-up TPU ICI",
    .year = 2023,
    .first_products = "TPU v5e",
    .links_per_chip = 4,
    .per_link_per_direction = 50.0 * gigabytes_per_s,  // scaling-book: 5e10 one-way per link
    .per_link_bidirectional = 100.0 * gigabytes_per_s,
    .per_chip_per_direction = 200.0 * gigabytes_per_s,  // older Google doc: "1600 Gbps"
    .per_chip_bidirectional = 400.0 * gigabytes_per_s,  // Google doc: 400 GBps bidirectional
    .domain_typical = 256,
    .domain_max = 256,
    .switch_notes = "2D torus; wraparound only on full 16-length axes",
    .verification = "2+ sources: Google docs (400 GBps bidir; older '1600 Gbps'), scaling-book "
                    "(5e10 one-way per link)",
    .source = "https://cloud.google.com/tpu/docs/v5e ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
});

inline constexpr link_spec tpu_v5p_ici = checked({
    .name = "Google TPU v5p ICI",
    .family = link_family::tpu_ici,
    .category = "scale-up TPU ICI",
    .year = 2023,
    .first_products = "TPU v5p",
    .links_per_chip = 6,
    .per_link_per_direction = 100.0 * gigabytes_per_s,  // scaling-book: 1e11 one-way per link
    .per_link_bidirectional = 200.0 * gigabytes_per_s,
    .per_chip_per_direction = 600.0 * gigabytes_per_s,   // older Google doc: "4800 Gbps"
    .per_chip_bidirectional = 1200.0 * gigabytes_per_s,  // Google doc: 1200 GBps bidirectional
    .domain_typical = 6144,
    .domain_max = 8960,
    .switch_notes = "3D torus, reconfigurable (OCS), twisted tori supported",
    .verification = "2+ sources: Google docs (1200 GBps bidir; older '4800 Gbps' = 600 GB/s "
                    "one-way), scaling-book (1e11 one-way per link; ~90 GB/s in GPU chapter)",
    .source = "https://cloud.google.com/tpu/docs/v5p ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
    .notes = "DCN 50 Gbps per chip.",
});

inline constexpr link_spec tpu_v6e_ici = checked({
    .name = "Google TPU v6e ICI",
    .family = link_family::tpu_ici,
    .category = "scale-up TPU ICI",
    .year = 2024,
    .first_products = "TPU v6e (Trillium)",
    .links_per_chip = 4,
    .per_link_per_direction = 100.0 * gigabytes_per_s,  // scaling-book: 1e11 one-way per link
    .per_link_bidirectional = 200.0 * gigabytes_per_s,
    .per_chip_per_direction = 400.0 * gigabytes_per_s,
    .per_chip_bidirectional = 800.0 * gigabytes_per_s,  // Google v6e doc: 800 GBps, 4 ports
    .domain_typical = 256,
    .domain_max = 256,
    .switch_notes = "2D torus",
    .verification = "2+ sources: Google v6e doc (800 GBps bidir, 4 ports), scaling-book (1e11 "
                    "one-way per link)",
    .source = "https://cloud.google.com/tpu/docs/v6e ; "
              "https://jax-ml.github.io/scaling-book/tpus/ ; "
              "https://jax-ml.github.io/scaling-book/gpus/",
});

// Its sources give the per-link figure only as bidirectional (200 GB/s per axis neighbour);
// link_per_direction() halves it.
inline constexpr link_spec tpu7x_ici = checked({
    .name = "Google TPU7x (Ironwood) ICI",
    .family = link_family::tpu_ici,
    .category = "scale-up TPU ICI",
    .year = 2025,
    .first_products = "TPU7x",
    .links_per_chip = 6,
    .per_link_bidirectional = 200.0 * gigabytes_per_s,  // stas00 reading of the Google doc
    .per_chip_per_direction = 600.0 * gigabytes_per_s,
    .per_chip_bidirectional = 1200.0 * gigabytes_per_s,  // Google TPU7x doc, Ironwood blog
    .domain_typical = 256,
    .domain_max = 9216,
    .switch_notes = "3D torus; 200 GB/s bidir per axis-neighbour (per stas00 reading of Google "
                    "doc)",
    .verification = "1200 GBps bidir: Google TPU7x doc + Ironwood blog ('1.2 TBps bidirectional', "
                    "1.5x Trillium)",
    .source = "https://cloud.google.com/tpu/docs/tpu7x ; "
              "https://blog.google/products/google-cloud/ironwood-tpu-age-of-inference/ ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
});

// ---- Intel Gaudi (on-die RoCE ports, for scale-up and scale-out) --------------------------------
// Per-chip figures count the 21 ports used for all-to-all inside an 8-card node (3 per peer);
// 3 more ports face the scale-out network (the 21/3 split per stas00's network chapter).

inline constexpr link_spec gaudi2_roce = checked({
    .name = "Intel Gaudi 2 integrated RoCE",
    .family = link_family::gaudi_roce,
    .category = "scale-up + scale-out Ethernet (on-die)",
    .year = 2022,
    .first_products = "Gaudi 2",
    .links_per_chip = 24,
    .links_counted_per_chip = 21,
    .per_link_per_direction = 12.5 * gigabytes_per_s,
    .per_link_bidirectional = 25.0 * gigabytes_per_s,
    .per_chip_per_direction = 262.5 * gigabytes_per_s,  // 21 x 12.5
    .per_chip_bidirectional = 525.0 * gigabytes_per_s,
    .port_rate = 100.0 * gigabits_per_s,
    .domain_typical = 8,
    .domain_max = 8,
    .switch_notes = "21 ports for all-to-all inside 8-card node (3 per peer), 3 ports scale-out",
    .verification = "stas00 + Gaudi2 datasheet (24x 100GbE); 21/3 split per stas00",
    .source = "https://habana.ai/wp-content/uploads/2023/10/HLS-Gaudi2_Datasheet_10_23.pdf ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "per_chip_* columns = 21 scale-up ports only; all 24 ports = 300 GB/s uni / 600 "
             "bidir.",
});

inline constexpr link_spec gaudi3_roce = checked({
    .name = "Intel Gaudi 3 integrated RoCE",
    .family = link_family::gaudi_roce,
    .category = "scale-up + scale-out Ethernet (on-die)",
    .year = 2024,
    .first_products = "Gaudi 3",
    .links_per_chip = 24,
    .links_counted_per_chip = 21,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .per_chip_per_direction = 525.0 * gigabytes_per_s,   // 21 x 25
    .per_chip_bidirectional = 1050.0 * gigabytes_per_s,  // Intel's 1.2 TB/s counts all 24 ports
    .port_rate = 200.0 * gigabits_per_s,
    .domain_typical = 8,
    .domain_max = 8,
    .switch_notes = "21 ports intra-node all-to-all, 3 ports scale-out; larger scale-up via "
                    "Ethernet switches",
    .verification = "stas00 + Intel whitepaper (24x 200GbE)",
    .source = "https://www.intel.com/content/www/us/en/content-details/817486/"
              "intel-gaudi-3-ai-accelerator-white-paper.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "per_chip_* = 21 ports; all 24 ports = 600 GB/s uni / 1.2 TB/s bidir (Intel's "
             "headline).",
});

// ---- AWS ----------------------------------------------------------------------------------------

// 1.28 TB/s per chip with no stated direction (AWS Neuron docs); read as bidirectional (as
// stas00's network chapter does), so chip_per_direction() gives 640 GB/s. No per-link figure
// is stored.
inline constexpr link_spec neuronlink_v3 = checked({
    .name = "AWS NeuronLink-v3",
    .family = link_family::neuronlink,
    .category = "scale-up link",
    .year = 2024,
    .first_products = "Trainium2 (Trn2, Trn2 UltraServer)",
    .links_per_chip = 4,
    .per_chip_bidirectional = 1280.0 * gigabytes_per_s,
    .domain_typical = 16,
    .domain_max = 64,
    .switch_notes = "Point-to-point torus; 16 chips per instance, 4 instances per UltraServer",
    .verification = "1.28 TB/s per chip from AWS docs as quoted by stas00 (directionality not "
                    "declared); 4 links from AWS NKI guide",
    .source = "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/about-neuron/arch/"
              "neuron-hardware/trainium2.html ; "
              "https://awsdocs-neuron.readthedocs-hosted.com/en/latest/nki/arch/"
              "trainium2_arch.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "stas00: intra-instance 128 GB/s uni per neighbour x4, inter-instance 64 GB/s x2 "
             "(640 GB/s uni total) - derived.",
});

inline constexpr link_spec efa_v3 = checked({
    .name = "AWS EFA v3",
    .family = link_family::efa,
    .category = "scale-out fabric",
    .year = 2024,
    .first_products = "P5en, Trn2",
    .per_link_per_direction = 25.0 * gigabytes_per_s,  // one 200G interface
    .port_rate = 200.0 * gigabits_per_s,
    .verification = "stas00 (AWS EC2 network specs)",
    .source = "https://docs.aws.amazon.com/ec2/latest/instancetypes/ac.html ; "
              "https://github.com/stas00/ml-engineering/blob/master/network/README.md",
    .notes = "16x 200G interfaces per instance = 3.2 Tbps; 200 Gb/s per Trainium2 chip.",
});

// Every entry above, in order.
inline constexpr std::array<const link_spec*, 35> all{
    &nvlink_1,
    &nvlink_2,
    &nvlink_3,
    &nvlink_4,
    &nvlink_5,
    &nvlink_6,
    &nvlink_c2c,
    &nvswitch_1,
    &nvswitch_2,
    &nvswitch_3,
    &nvswitch_4,
    &pcie_3,
    &pcie_4,
    &pcie_5,
    &pcie_6,
    &infiniband_edr,
    &infiniband_hdr,
    &infiniband_ndr,
    &infiniband_xdr,
    &ethernet_100g,
    &ethernet_200g,
    &ethernet_400g,
    &ethernet_800g,
    &infinity_fabric_mi250x,
    &infinity_fabric_mi300x,
    &infinity_fabric_mi355x,
    &tpu_v4_ici,
    &tpu_v5e_ici,
    &tpu_v5p_ici,
    &tpu_v6e_ici,
    &tpu7x_ici,
    &gaudi2_roce,
    &gaudi3_roce,
    &neuronlink_v3,
    &efa_v3,
};

// The entry whose name is exactly `name`, or nullptr.
constexpr const link_spec* find(std::string_view name) {
  for (const link_spec* l : all) {
    if (l->name == name) return l;
  }
  return nullptr;
}

}  // namespace flopcast::links

// ---- Software model latencies (category "software model latency") -------------------------------
// Constants that libraries and peer models use for the alpha term of a collective. They are
// model parameters, not link hardware latencies, and each says what it is added to.

namespace flopcast::latency_models {

inline constexpr latency_model nccl_nvlink{
    .name = "NCCL latency model: NVLink",
    .value = 3.4 * microseconds,
    .scope = latency_scope::per_step,
    .basis =
        "NCCL ncclTunerConstantsDefaults hwLatencies[NVLINK] in us: ring LL/LL128/Simple "
        "0.6/1.9/3.4 (value = ring Simple); tree 0.6/1.25/4.0; NVLS Simple 25",
    .verification =
        "read directly from NVIDIA/nccl src/graph/tuning.cc (2026-06 snapshot); a "
        "stored third-party port quotes the same values",
    .source = "https://github.com/NVIDIA/nccl/blob/master/src/graph/tuning.cc",
    .notes =
        "Algorithm cost model constants used by NCCL to pick algorithms; not link hardware "
        "latency.",
};

inline constexpr latency_model nccl_pcie{
    .name = "NCCL latency model: PCIe",
    .value = 5.7 * microseconds,
    .scope = latency_scope::per_step,
    .basis =
        "NCCL hwLatencies[PCI] in us: ring LL/LL128/Simple 1.0/2.5/5.7 (value = ring "
        "Simple); tree 1.0/1.9/4.0",
    .verification = "read from tuning.cc",
    .source = "https://github.com/NVIDIA/nccl/blob/master/src/graph/tuning.cc",
};

inline constexpr latency_model nccl_network{
    .name = "NCCL latency model: network",
    .value = 14.0 * microseconds,
    .scope = latency_scope::per_step,
    .basis =
        "NCCL hwLatencies[NET] in us: ring LL/LL128/Simple 2.7/4.0/14.0 (value = ring "
        "Simple); tree 5.0/8.5/14; CollNet 30-31; NVLS 18",
    .verification = "read from tuning.cc",
    .source = "https://github.com/NVIDIA/nccl/blob/master/src/graph/tuning.cc",
};

inline constexpr latency_model nccl_base{
    .name = "NCCL latency model: base",
    .value = 8.4 * microseconds,
    .scope = latency_scope::per_collective,
    .basis =
        "NCCL baseLatencies in us, added once per collective: ring LL/LL128/Simple "
        "6.6/14.0/8.4 (value = ring Simple); tree 6.8/14.0/8.4",
    .verification = "read from tuning.cc",
    .source = "https://github.com/NVIDIA/nccl/blob/master/src/graph/tuning.cc",
    .notes =
        "Other tools' assumptions: llm-analysis intra_node_min_message_latency 8 us; Calculon "
        "10 us (NVLink tier) / 20 us (IB tier).",
};

inline constexpr latency_model calculon_nvlink{
    .name = "Calculon model assumption: NVLink tier",
    .value = 10.0 * microseconds,
    .scope = latency_scope::per_collective,
    .basis =
        "Calculon systems/h100_80g_nvl8.json and a100_80g.json: network[0].latency = 1e-5 s "
        "per collective (size 8, 450 resp. 300 GB/s uni, efficiency 0.65)",
    .verification = "read from calculon-ai/calculon (2024-02 snapshot)",
    .source = "https://github.com/calculon-ai/calculon/tree/main/systems",
    .notes = "Modelling assumption, not a hardware figure.",
};

inline constexpr latency_model calculon_infiniband{
    .name = "Calculon model assumption: InfiniBand tier",
    .value = 20.0 * microseconds,
    .scope = latency_scope::per_collective,
    .basis =
        "Calculon h100_80g_nvl8.json network[1].latency = 2e-5 s (50 GB/s per GPU, "
        "efficiency 0.9); a100 uses 25 GB/s",
    .verification = "read from calculon-ai/calculon",
    .source = "https://github.com/calculon-ai/calculon/tree/main/systems",
    .notes = "Modelling assumption.",
};

inline constexpr latency_model llm_analysis_intra_node{
    .name = "llm-analysis model assumption: intra-node minimum message latency",
    .value = 8.0 * microseconds,
    .scope = latency_scope::per_message,
    .basis = "llm-analysis gpu_configs intra_node_min_message_latency = 8e-06 s for all GPUs",
    .verification = "read from cli99/llm-analysis (2024-11 snapshot)",
    .source = "https://github.com/cli99/llm-analysis/tree/main/llm_analysis/gpu_configs",
    .notes = "Modelling assumption.",
};

inline constexpr latency_model scaling_book_tpu_hop{
    .name = "Scaling-book illustrative TPU ICI per-hop latency",
    .value = 0.5 * microseconds,
    .scope = latency_scope::per_hop,
    .basis =
        "worked example in the TPU chapter: 'let's say the per-hop latency for TPU v5e is "
        "1/2 us'",
    .verification = "single-source, explicitly hypothetical",
    .source = "https://jax-ml.github.io/scaling-book/tpus/",
    .notes = "Illustrative only; Google publishes no ICI latency.",
};

inline constexpr std::array<const latency_model*, 8> all{
    &nccl_nvlink,
    &nccl_pcie,
    &nccl_network,
    &nccl_base,
    &calculon_nvlink,
    &calculon_infiniband,
    &llm_analysis_intra_node,
    &scaling_book_tpu_hop,
};

}  // namespace flopcast::latency_models

namespace flopcast {

// The default alpha (per ring step) for collectives on a link: NCCL's own model constant for
// its link class (ring, Simple protocol: the one NCCL uses for the large messages of training).
// TPU ICI takes the scaling-book's explicitly hypothetical 0.5 us per hop. Infinity Fabric,
// Gaudi RoCE and NeuronLink have no published figure: NCCL's NVLink constant is assumed (RCCL
// is a port of NCCL). A named input: clusters may set their own.
constexpr duration<> typical_latency(const link_spec& l) {
  switch (l.family) {
    case link_family::nvlink:
    case link_family::nvswitch:
    case link_family::nvlink_c2c:
      return latency_models::nccl_nvlink.value;
    case link_family::pcie:
      return latency_models::nccl_pcie.value;
    case link_family::infiniband:
    case link_family::ethernet:
    case link_family::efa:
      return latency_models::nccl_network.value;
    case link_family::tpu_ici:
      return latency_models::scaling_book_tpu_hop.value;
    case link_family::infinity_fabric:
    case link_family::gaudi_roce:
    case link_family::neuronlink:
      return latency_models::nccl_nvlink.value;
  }
  return latency_models::nccl_nvlink.value;
}

// ---- Bandwidth against message size -------------------------------------------------------------
//
// Collectives of small messages do not reach the large-message bus bandwidth: protocol switches
// (LL, LL128, Simple), chunking and pipeline fill make nccl-tests' busBw rise with the buffer
// size S and saturate. One named constant per link family describes the curve:
//
//   busBw(S) = busBw_max x S / (S + S_half)
//
// S_half is the buffer size (as nccl-tests counts it: the all-reduce buffer, the all-gather
// output) at which a collective reaches half its large-message rate. The collective formulas
// (parallel/collectives.hpp) apply it to each tier's achievable rate at the collective's buffer
// size. Equivalently the bandwidth term moves S + S_half bytes: a fixed cost of S_half / busBw_max
// per collective on top of the per-step alpha.
//
// Fitted to published nccl-tests sweeps of each family (sizes 1 MiB to 1 GiB: the range of
// training's TP activations, bucketed gradients and per-layer ZeRO-3 gathers), on top of this
// library's own collective model: each sweep's system is modelled (k1 GPUs per node, k2 nodes,
// NCCL's per-step alphas of typical_latency(), the sweep's largest busBw as the large-message
// rate), and S_half is the value that minimises the mean |log| error of the predicted busBw.
// Fitted on part of each family's sweeps and checked on the rest (mean error of busBw over the
// held-out sweep). The sweeps, all nccl-tests or rccl-tests output published in these
// repositories: dstackai/dstack (mkdocs/docs/examples/clusters/lambda.md, nebius.md, gcp.md;
// examples/clusters/crusoe/README.md), xxrjun/nccl-tests-cluster
// (benchmarks/example-cluster01/nccl-benchmark-results), aws-samples/awsome-distributed-training
// (micro-benchmarks/nccl-tests/README.md), stas00/ml-engineering (network/README.md),
// hisohara/ai-scripts (training/01_rccl-smoketest/README.md), Azure/AI-benchmarking-guide
// (Azure_Results), togethercomputer/together-nccl-tests (benchmarks/H100/results):
namespace link_half_size {
// InfiniBand (HDR/NDR): 12 MiB. Fitted on lambda 2x 8 B200, Crusoe 2x 8 A100 (8 HCAs) and
// xxrjun's 10x 8 H100 all_gather (18%, 20%, 25%); held out: Nebius 2x 8 H100 all_reduce, 8%.
// (The 10-node all_reduce and reduce_scatter prefer ~48 MiB, 34-43% off at 12: the effective
// cost grows with the node count faster than NCCL's alphas do.)
inline constexpr double infiniband_mib = 12.0;
// Ethernet RoCE v2: 24 MiB. Fitted on GCP A4 (B200, RoCE 3.2 Tb/s per node) and 2x MI355X on
// 8x Pollara 400 (14%, 20%); held out: 2x MI300X on 8x mlx5 RoCE, 57% (48 MiB fits it): RoCE
// stacks differ widely.
inline constexpr double ethernet_roce_mib = 24.0;
// AWS EFA: 48 MiB. Fitted on stas00's 4x p6-b200 (EFA v4) and aws-samples' 2x p5.48xlarge
// (EFA v2) all_reduce sweeps (15%, 14%); held out: 2x p4de.24xlarge (EFA v1, 4x 100G), 43%.
// EFA's libfabric path ramps up later than InfiniBand's verbs.
inline constexpr double efa_mib = 48.0;
// GPUDirect-TCPXO (Google A3 Mega): 32 MiB, from the one all_gather sweep on 2x A3 Mega (6%);
// the 2-node all_reduce sweep on A3 Mega is 68% off (NCCL.md's caveat: two-node all_reduce
// overstates the network). Used by the A3 Mega network profile; TCPX (A3 High) takes it too.
inline constexpr double gpudirect_tcpx_mib = 32.0;
// NVLink/NVSwitch single node: 12.1 MiB as the bare curve busBw_max x S / (S + S_half) (no
// alpha), fitted on stas00 8x A100 and 8x B200, Azure ND A100 v4, ND H200 v5, ND GB200 v6,
// Together's H100 and xxrjun's H100 all_gather/alltoall; held out (stas00 H200, AWS p5, Azure ND
// H100 v5, xxrjun all_reduce/reduce_scatter, Together all_gather) within 5-15%. Not a default:
// NCCL's NVLink alpha (3.4 us per ring step) already gives in-node collectives most of this.
inline constexpr double nvlink_mib = 12.1;
// Scale-up links are not given a default: typical_half_size() returns 0 for them (every message
// at the large-message rate, as before), and nvlink_mib is carried for users who set
// scale_up_domain::half_size. Why: applied to Megatron's tensor-parallel all-reduces (16-24 MiB
// per microbatch of one 2,048-token sequence), it takes the Narayanan 2021 Table 1 runs at TP 4
// and 8 (7.5B, 18.4B; microbatch 1 assumed there, as the paper does not state it) from -11% to
// -19%, outside the validation bound: either those runs used larger microbatches or
// Megatron's in-node all-reduce beat the nccl-tests curve, and the evidence cannot yet tell.
// Families without a published sweep (TPU ICI, Gaudi RoCE, NeuronLink, PCIe, NVLink-C2C,
// Infinity Fabric) likewise default to 0.
inline constexpr double scale_up_default_mib = 0.0;
}  // namespace link_half_size

// The default S_half of a link (see link_half_size for the evidence). A named input: a cluster's
// scale_up_domain and scale_out_network may set their own.
constexpr data_size<> typical_half_size(const link_spec& l) {
  double mib = link_half_size::scale_up_default_mib;
  switch (l.family) {
    case link_family::infiniband:
      mib = link_half_size::infiniband_mib;
      break;
    case link_family::ethernet:
      mib = link_half_size::ethernet_roce_mib;
      break;
    case link_family::efa:
      mib = link_half_size::efa_mib;
      break;
    default:
      break;
  }
  return mib * mebibytes;
}

}  // namespace flopcast
