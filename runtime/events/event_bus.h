// The engine's event stream (GET /events): every subsystem publishes, each /events
// connection subscribes. Keeps a bounded backlog so `since` can replay recent events.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace berth::events {

struct Event {
    std::string type;    // "image", "container", "network", "volume"
    std::string action;  // "pull", "tag", "untag", "delete", "create", "start", "die", ...
    std::string id;      // Actor.ID
    std::map<std::string, std::string> attributes;  // Actor.Attributes (name, image, exitCode...)
    std::int64_t time_nano = 0;  // filled by publish()
};

class EventBus {
public:
    explicit EventBus(std::size_t backlog = 1024) : backlog_(backlog) {}

    void publish(Event e);
    // Events with sequence >= `from` (0 = from the oldest kept), waiting until `deadline`
    // for at least one. Returns the next sequence to ask for.
    std::uint64_t wait(std::uint64_t from, std::chrono::steady_clock::time_point deadline,
                       std::deque<Event> &out);
    std::uint64_t next_sequence() const;
    // Wakes every waiter (shutdown).
    void close();
    bool closed() const;

private:
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<Event> log_;
    std::uint64_t first_seq_ = 0;  // sequence number of log_.front()
    std::size_t backlog_;
    bool closed_ = false;
};

}  // namespace berth::events
