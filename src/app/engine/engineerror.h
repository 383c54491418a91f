#pragma once
// A failed Engine API call as the app shows it: berth_client's Error turned into the
// EngineError record the workers send to the GUI thread (the status the engine answered
// and its own words).

#include "models/records.h"

#include "common/result.h"

// The HTTP status an error kind stands for: berth_client maps the engine's status to a
// kind, this goes back. Cancelled is 0 (nothing was answered).
int httpStatusOf(berth::ErrorKind kind);

// The engine's own answers keep their status and message; anything that never reached the
// engine (no socket, refused, cancelled) has status 0 and the whole message.
EngineError toEngineError(const berth::Error &e);
