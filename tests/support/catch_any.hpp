#pragma once
// flopcast's own shim (not Catch2 itself): one include for Catch2 v3 (when installed) or v2.13 (Debian's `catch2` package).
// Tests use only the API common to both: TEST_CASE, SECTION, REQUIRE/CHECK, REQUIRE_THAT with
// WithinRel/WithinAbs/WithinULP, STATIC_REQUIRE, TEMPLATE_TEST_CASE, GENERATE.
#if defined(FLOPCAST_CATCH3)
#include <catch2/catch_all.hpp>
#else
#include <catch2/catch.hpp>
#endif
