#include "events/event_bus.h"

namespace berth::events {

void EventBus::publish(Event e) {
    {
        std::lock_guard lock(mu_);
        if (e.time_nano == 0)
            e.time_nano = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
        log_.push_back(std::move(e));
        if (log_.size() > backlog_) {
            log_.pop_front();
            ++first_seq_;
        }
    }
    cv_.notify_all();
}

std::uint64_t EventBus::wait(std::uint64_t from, std::chrono::steady_clock::time_point deadline,
                             std::deque<Event> &out) {
    std::unique_lock lock(mu_);
    auto end_seq = [&] { return first_seq_ + log_.size(); };
    cv_.wait_until(lock, deadline, [&] { return closed_ || end_seq() > from; });
    std::uint64_t start = from < first_seq_ ? first_seq_ : from;
    for (std::uint64_t s = start; s < end_seq(); ++s) out.push_back(log_[s - first_seq_]);
    return end_seq() > from ? end_seq() : from;
}

std::uint64_t EventBus::next_sequence() const {
    std::lock_guard lock(mu_);
    return first_seq_ + log_.size();
}

void EventBus::close() {
    {
        std::lock_guard lock(mu_);
        closed_ = true;
    }
    cv_.notify_all();
}

bool EventBus::closed() const {
    std::lock_guard lock(mu_);
    return closed_;
}

}  // namespace berth::events
