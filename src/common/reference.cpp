// Implemented by the reference work; see reference.h.
#include "common/reference.h"
