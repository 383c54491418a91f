// PortPublisher: the container-facing side of published ports. Keeps, per container, the
// host ports it holds; the proxy and the nftables rules do the forwarding.
#include "network/ports/port_publisher.h"

#include <map>
#include <mutex>

namespace berth::network {

class PortPublisherImpl {
public:
    explicit PortPublisherImpl(PortPublisherOptions opts) : opts_(std::move(opts)) {}

    Result<std::vector<PortMapping>> publish(const std::string &id, const std::string &,
                                             const std::vector<PortMapping> &requested) {
        std::lock_guard lock(mu_);
        auto &held = by_container_[id];
        held.insert(held.end(), requested.begin(), requested.end());
        return requested;
    }
    void unpublish(const std::string &id) {
        std::lock_guard lock(mu_);
        by_container_.erase(id);
    }
    std::vector<PortMapping> published(const std::string &id) const {
        std::lock_guard lock(mu_);
        auto it = by_container_.find(id);
        return it == by_container_.end() ? std::vector<PortMapping>{} : it->second;
    }

private:
    PortPublisherOptions opts_;
    mutable std::mutex mu_;
    std::map<std::string, std::vector<PortMapping>> by_container_;
};

PortPublisher::PortPublisher(std::unique_ptr<PortPublisherImpl> impl) : impl_(std::move(impl)) {}
PortPublisher::~PortPublisher() = default;

Result<std::unique_ptr<PortPublisher>> PortPublisher::open(PortPublisherOptions opts) {
    return std::unique_ptr<PortPublisher>(
        new PortPublisher(std::make_unique<PortPublisherImpl>(std::move(opts))));
}

Result<std::vector<PortMapping>> PortPublisher::publish(const std::string &container_id,
                                                        const std::string &container_ip,
                                                        const std::vector<PortMapping> &requested) {
    return impl_->publish(container_id, container_ip, requested);
}

void PortPublisher::unpublish(const std::string &container_id) { impl_->unpublish(container_id); }

std::vector<PortMapping> PortPublisher::published(const std::string &container_id) const {
    return impl_->published(container_id);
}

}  // namespace berth::network
