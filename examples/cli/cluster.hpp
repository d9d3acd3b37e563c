#pragma once
// A cluster for `--chip NAME --chips N`: flopcast::default_cluster
// (<flopcast/hardware/default_cluster.hpp>, which documents the shape each chip family gets),
// with the command line's --domain, --domain-used, --scale-out-gbps and --network applied.
#include <flopcast/hardware/catalog.hpp>
#include <flopcast/hardware/cluster.hpp>
#include <flopcast/hardware/default_cluster.hpp>
#include <flopcast/hardware/networks.hpp>
#include <optional>
#include <string>

#include "format.hpp"

namespace flopcast_cli {

struct cluster_choice {
  std::optional<int> domain;             // --domain: accelerators per scale-up domain
  std::optional<int> domain_used;        // --domain-used: of them, used by the job (racks run
                                         // partly populated: 64 of 72 in MLPerf GB200 runs)
  std::optional<double> scale_out_gbps;  // --scale-out-gbps: NIC line rate per accelerator
  // --network: a scale-out network profile (flopcast::networks); --scale-out-gbps still sets
  // the rate when both are given.
  const flopcast::network_profile* network = nullptr;
};

// The cluster of `chips` accelerators of `c`. Not validated here: the caller runs
// flopcast::try_check() and reports the reason.
inline flopcast::cluster_spec cluster_for(const flopcast::chip_spec& c, int chips,
                                          const cluster_choice& choice = {}) {
  return flopcast::default_cluster(
      c, chips,
      {.domain = choice.domain,
       .domain_used = choice.domain_used,
       .scale_out_gbps = choice.scale_out_gbps,
       .network = choice.network});
}

// "8 per domain over NVLink 4 (switched, 450 GB/s per direction, 82% achievable)"
inline std::string describe_scale_up(const flopcast::cluster_spec& c) {
  using namespace flopcast;
  std::string used;
  if (c.per_domain() != c.scale_up.size) {
    used.append(" (").append(std::to_string(c.per_domain())).append(" used)");
  }
  return std::to_string(c.scale_up.size) + " per domain" + used + " over " +
         std::string(c.scale_up.link.name) +
         " (" + std::string(name(c.scale_up.shape)) + ", " +
         significant(c.scale_up_per_direction().in(gigabytes_per_s), 4) + " GB/s per direction, " +
         percent(c.scale_up.efficiency, 0) + " achievable)";
}

// "InfiniBand NDR, 400 Gb/s per accelerator (rail-optimised fat tree, 96% achievable)" or "none"
inline std::string describe_scale_out(const flopcast::cluster_spec& c) {
  using namespace flopcast;
  if (c.scale_out.shape == topology::none) return "none";
  return std::string(c.scale_out.link.name) + ", " +
         significant(c.scale_out_per_direction().in(gigabits_per_s), 4) +
         " Gb/s per accelerator (" + std::string(name(c.scale_out.shape)) + ", " +
         percent(c.scale_out.efficiency, 0) + " achievable)";
}

}  // namespace flopcast_cli
