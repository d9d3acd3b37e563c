#pragma once
#include "flopcast/core/config.hpp"
// flopcast version. CMakeLists.txt parses these three lines; keep their form.
#define FLOPCAST_VERSION_MAJOR 0
#define FLOPCAST_VERSION_MINOR 1
#define FLOPCAST_VERSION_PATCH 0
