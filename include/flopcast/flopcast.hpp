#pragma once
// flopcast: AI accelerators, clusters and training runs as checked, constexpr numbers.
//
// The umbrella header. It includes every public header except:
//   <flopcast/core/literals.hpp>  opt-in literals (989.5_tflops, 90_days)
//   <flopcast/sweep/batch.hpp>    SIMD batch evaluation (<experimental/simd> is costly to parse)
#include "flopcast/version.hpp"

// core: units, quantities, precisions, errors, the number abstraction, printing
#include "flopcast/core/error.hpp"
#include "flopcast/core/io.hpp"
#include "flopcast/core/number.hpp"
#include "flopcast/core/precision.hpp"
#include "flopcast/core/units.hpp"

// hardware: chips, their consistency checks, the catalog, multi-chip systems
#include "flopcast/hardware/catalog.hpp"
#include "flopcast/hardware/chip.hpp"
#include "flopcast/hardware/chip_checks.hpp"
#include "flopcast/hardware/system.hpp"

// estimate: datasheet ratios, the first training-time estimate
#include "flopcast/estimate/ratio.hpp"
#include "flopcast/estimate/training_time.hpp"

// catalog: published claims with sources
#include "flopcast/catalog/vendor_claims.hpp"
