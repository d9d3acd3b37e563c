#pragma once
#include "flopcast/core/config.hpp"
// flopcast: AI accelerators, clusters and training runs as checked, constexpr numbers.
//
// The umbrella header. It includes every public header except:
//   <flopcast/core/literals.hpp>          opt-in literals (989.5_tflops, 90_days)
//   <flopcast/sweep/batch.hpp>            SIMD batch evaluation (<experimental/simd> is costly
//                                         to parse: about 4x <iostream> on GCC 12)
//   <flopcast/sweep/step_batch.hpp>       the step model on SIMD batches (the same reason)
//   <flopcast/sweep/search.hpp>           plan search (uses step_batch.hpp)
//   <flopcast/catalog/published_runs.hpp> the validation set (36 runs built at compile time)
#include "flopcast/version.hpp"

// core: units, quantities, precisions, errors, the number abstraction, printing
#include "flopcast/core/error.hpp"
#include "flopcast/core/interval.hpp"
#include "flopcast/core/io.hpp"
#include "flopcast/core/text.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"

// hardware: chips, their consistency checks, the catalog, multi-chip systems
#include "flopcast/hardware/catalog.hpp"
#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/chip_checks.hpp"
#include "flopcast/hardware/facility.hpp"
#include "flopcast/hardware/system.hpp"

// hardware: links and clusters
#include "flopcast/hardware/cluster.hpp"
#include "flopcast/hardware/default_cluster.hpp"
#include "flopcast/hardware/interconnect.hpp"
#include "flopcast/hardware/interconnects.hpp"
#include "flopcast/hardware/networks.hpp"

// workload: transformers, their parameters, FLOPs and memory, the model catalog
#include "flopcast/workload/activations.hpp"
#include "flopcast/workload/catalog.hpp"
#include "flopcast/workload/flops.hpp"
#include "flopcast/workload/inference.hpp"
#include "flopcast/workload/kv_cache.hpp"
#include "flopcast/workload/lookup.hpp"
#include "flopcast/workload/memory.hpp"
#include "flopcast/workload/model_card.hpp"
#include "flopcast/workload/parameters.hpp"
#include "flopcast/workload/recipe.hpp"
#include "flopcast/workload/sharding.hpp"
#include "flopcast/workload/transformer.hpp"

// parallel: plans and collectives
#include "flopcast/parallel/collectives.hpp"
#include "flopcast/parallel/plan.hpp"

// estimate: datasheet ratios, training time, the distributed step-time model, calibration,
// power, energy and cost
#include "flopcast/estimate/attention_kernel.hpp"
#include "flopcast/estimate/calibration.hpp"
#include "flopcast/estimate/fit.hpp"
#include "flopcast/estimate/power.hpp"
#include "flopcast/estimate/print.hpp"
#include "flopcast/estimate/ratio.hpp"
#include "flopcast/estimate/step_time.hpp"
#include "flopcast/estimate/training_time.hpp"

// catalog: vendor claims and prices with sources
#include "flopcast/catalog/energy_evidence.hpp"
#include "flopcast/catalog/prices.hpp"
#include "flopcast/catalog/vendor_claims.hpp"
