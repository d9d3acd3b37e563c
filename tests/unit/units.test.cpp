#include <flopcast/core/io.hpp>
#include <flopcast/core/literals.hpp>
#include <flopcast/core/units.hpp>
#include <flopcast/core/text.hpp>

#include <sstream>

#include "catch_any.hpp"

using namespace flopcast;

TEST_CASE("quantities print with a readable prefix and three significant digits", "[io]") {
  CHECK(to_string(2.4712 * days) == "2.47 days");
  CHECK(to_string(1.98e15 * flop_per_s) == "1.98 PFLOP/s");
  CHECK(to_string(153.2e6 * watts) == "153 MW");
  CHECK(to_string(80.0 * gigabytes) == "80 GB");
  CHECK(to_string(3.35 * terabytes_per_s) == "3.35 TB/s");
  CHECK(to_string(2.1e25 * flop) == "2.1e25 FLOP");
  CHECK(to_string(5e9 * dollars) == "$5 B");
  CHECK(to_string(2.85 * dollars_per_hour) == "$2.85/hour");
  CHECK(to_string(45.0 * seconds) == "45 s");
  CHECK(to_string(90.0 * minutes) == "90 min");
  CHECK(to_string(0.0 * seconds) == "0 s");
  CHECK(to_string(1.5 * megawatt_hours) == "1.5 MWh");
}

TEST_CASE("a value just under a prefix boundary rounds up into the larger unit", "[io]") {
  CHECK(to_string(0.99997e12 * bytes_per_s) == "1 TB/s");
  CHECK(to_string(999.0 * gigabytes) == "999 GB");
}

TEST_CASE("to_string in a named unit and operator<< agree", "[io]") {
  const auto t = 59.26 * hours;
  CHECK(to_string(t, hours) == "59.3 hours");
  CHECK(to_string(t, days, 4) == "2.469 days");
  std::ostringstream os;
  os << t;
  CHECK(os.str() == to_string(t));
}

TEST_CASE("dimensions without a display unit print in base units", "[io]") {
  const auto odd = (1.0 * flop) * (1.0 * bytes);
  CHECK(to_string(odd) == "1 FLOP*B");
}

TEST_CASE("quantity arithmetic keeps the base-unit value", "[units]") {
  auto t = 1.0 * hours;
  t += 30.0 * minutes;
  CHECK(t.in(minutes) == 90.0);
  t -= 90.0 * minutes;
  CHECK(t.in(seconds) == 0.0);
  CHECK((-(2.0 * watts)).in(watts) == -2.0);
  CHECK((10.0 * gigabytes) / 4.0 == 2.5 * gigabytes);
  CHECK(1.0 / (4.0 * seconds) * (8.0 * seconds) == 2.0);
}

TEST_CASE("json_string escapes what JSON must and keeps output valid UTF-8", "[text]") {
  using flopcast::json_string;
  CHECK(json_string("H100 \"SXM\"\\") == "\"H100 \\\"SXM\\\"\\\\\"");
  CHECK(json_string(std::string("a\nb\x01", 4)) == "\"a\\nb\\u0001\"");
  CHECK(json_string("caf\xC3\xA9") == "\"caf\xC3\xA9\"");          // valid UTF-8 kept
  CHECK(json_string("bad \xC3(") == "\"bad \xEF\xBF\xBD(\"");        // a lone lead byte
  CHECK(json_string("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  CHECK(flopcast::utf8_sequence_length("\xF0\x9F\x98\x80", 0) == 4);
  CHECK(flopcast::utf8_sequence_length("\xC0\x80", 0) == 0);  // overlong
}
