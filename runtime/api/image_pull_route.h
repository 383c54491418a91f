// POST /images/create?fromImage=&tag=&platform=: pull with docker's JSON progress stream.
#pragma once

#include "api/daemon.h"
#include "api/router.h"
#include "common/reference.h"

namespace berth::api {

void register_pull_route(Router &router, Daemon &daemon);

// fromImage + tag -> the reference to pull: a tag that is a digest pins it ("name@sha256:..."),
// no tag at all means "latest".
Result<Reference> pull_reference(const std::string &from_image, const std::string &tag);

// "linux/amd64", "linux/arm64/v8"; "" is the host's. Anything else is a 400.
Result<std::string> validate_platform(const std::string &platform);

}  // namespace berth::api
