// A link whose bidirectional figure is not twice its per-direction figure (a one-way rate stored
// as bidirectional) must not compile as a checked catalog entry.
// expect-error: link_bidirectional_not_twice_per_direction
#include <flopcast/hardware/interconnect.hpp>

using namespace flopcast;

constexpr link_spec bad = checked({
    .name = "NVLink 4, bidirectional figure entered one-way",
    .family = link_family::nvlink,
    .generation = 4,
    .links_per_chip = 18,
    .per_link_per_direction = 25.0 * gigabytes_per_s,
    .per_link_bidirectional = 50.0 * gigabytes_per_s,
    .per_chip_per_direction = 450.0 * gigabytes_per_s,
    .per_chip_bidirectional = 450.0 * gigabytes_per_s,
});
