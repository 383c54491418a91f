// ScopeExit: runs a cleanup when the scope ends unless release() disarmed it. The
// guard pattern for undoing a half-finished step on every error path.
#pragma once

#include <utility>

namespace berth::util {

template <class F>
class ScopeExit {
public:
    explicit ScopeExit(F f) : f_(std::move(f)) {}
    ScopeExit(const ScopeExit &) = delete;
    ScopeExit &operator=(const ScopeExit &) = delete;
    ~ScopeExit() {
        if (armed_) f_();
    }
    void release() { armed_ = false; }

private:
    F f_;
    bool armed_ = true;
};

}  // namespace berth::util
