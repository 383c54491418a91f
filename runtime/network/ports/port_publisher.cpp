// PortPublisher: the container-facing side of published ports. Per container it holds
// the bound host sockets (through the proxies that own them) and the nftables rules, and
// takes both away on unpublish. The proxies live on one io thread; every change to them
// is posted there and waited for, so a port is free when unpublish() returns.
#include "network/ports/port_publisher.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

#include "network/ports/host_ports.h"
#include "network/ports/nft_rules.h"
#include "network/ports/proxy.h"
#include "util/log.h"

namespace berth::network {

namespace asio = boost::asio;

std::string nft_table_for_root(const std::filesystem::path &root) {
    auto normal = root.lexically_normal().string();
    while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
    if (normal == "/var/lib/berth") return "berth";
    // FNV-1a: stable across runs and builds, unlike std::hash.
    std::uint32_t h = 2166136261u;
    for (unsigned char c : normal) h = (h ^ c) * 16777619u;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%08x", h);
    return std::string("berth_") + buf;
}

class PortPublisherImpl {
public:
    explicit PortPublisherImpl(PortPublisherOptions opts)
        : opts_(std::move(opts)), work_(asio::make_work_guard(io_)),
          random_(std::random_device{}()) {}

    ~PortPublisherImpl() {
        if (thread_.joinable()) {
            on_io([this] {
                for (auto &[id, entry] : by_container_)
                    for (auto &proxy : entry.proxies) proxy->stop();
            });
            work_.reset();
            io_.stop();
            thread_.join();
        }
        by_container_.clear();
        nft_.reset();  // deletes the table with every rule in it
    }

    Result<void> start() {
        if (opts_.use_nftables) {
            auto rules = NftRules::open(opts_.nft_table);
            if (rules) {
                nft_ = std::move(rules).value();
            } else {
                log::warn("published ports: nftables is not usable (" + rules.error().message() +
                          "); the userland proxy carries all published traffic");
            }
        }
        thread_ = std::thread([this] { io_.run(); });
        return {};
    }

    Result<std::vector<PortMapping>> publish(const std::string &id, const std::string &container_ip,
                                             const std::vector<PortMapping> &requested) {
        sockaddr_in backend{};
        backend.sin_family = AF_INET;
        if (::inet_pton(AF_INET, container_ip.c_str(), &backend.sin_addr) != 1)
            return Error::invalid("publish ports: invalid container address \"" + container_ip + "\"");

        std::lock_guard lock(mu_);
        // Every host port is bound before anything is relayed: a taken one fails the whole
        // request and the ports bound so far close with `bound`.
        std::vector<BoundPort> bound;
        for (const auto &m : requested) {
            if (m.container_port == 0) return Error::invalid("publish ports: container port 0");
            bound.push_back(TRY(bind_host_port(m, random_)));
        }

        std::vector<PortMapping> mappings;
        std::vector<std::shared_ptr<Proxy>> proxies;
        on_io([&] {
            for (auto &b : bound) {
                sockaddr_in to = backend;
                to.sin_port = htons(b.mapping.container_port);
                proxies.push_back(b.mapping.proto == "udp"
                                      ? start_udp_proxy(io_, std::move(b.fd), to, opts_.udp_idle)
                                      : start_tcp_proxy(io_, std::move(b.fd), to));
                mappings.push_back(b.mapping);
            }
        });

        if (nft_) {
            // The proxy already serves every address, so a failure here only loses the
            // faster path for other hosts' traffic: say so and keep the container running.
            auto added = nft_->add_forwards(id, container_ip, mappings);
            if (!added)
                log::warn("published ports of " + id + ": nftables rules: " + added.error().message());
        }

        auto &entry = by_container_[id];
        entry.mappings.insert(entry.mappings.end(), mappings.begin(), mappings.end());
        entry.proxies.insert(entry.proxies.end(), proxies.begin(), proxies.end());
        return mappings;
    }

    void unpublish(const std::string &id) {
        std::lock_guard lock(mu_);
        auto it = by_container_.find(id);
        if (it != by_container_.end()) {
            auto proxies = std::move(it->second.proxies);
            by_container_.erase(it);
            on_io([&] {
                for (auto &proxy : proxies) proxy->stop();
            });
        }
        if (nft_) {
            auto removed = nft_->remove(id);
            if (!removed)
                log::warn("published ports of " + id + ": removing nftables rules: " +
                          removed.error().message());
        }
    }

    std::vector<PortMapping> published(const std::string &id) const {
        std::lock_guard lock(mu_);
        auto it = by_container_.find(id);
        return it == by_container_.end() ? std::vector<PortMapping>{} : it->second.mappings;
    }

    Result<void> nat_for_bridge(const std::string &network_id, const std::string &subnet,
                                const std::string &bridge) {
        if (!nft_) return {};
        std::lock_guard lock(mu_);
        TRY(nft_->remove("net:" + network_id));
        return nft_->add_bridge("net:" + network_id, subnet, bridge);
    }

    void remove_nat_for_bridge(const std::string &network_id) {
        if (!nft_) return;
        std::lock_guard lock(mu_);
        auto removed = nft_->remove("net:" + network_id);
        if (!removed) log::warn("network " + network_id + ": removing its NAT rules: " + removed.error().message());
    }

    bool nftables_active() const { return nft_ != nullptr; }

private:
    struct Entry {
        std::vector<PortMapping> mappings;
        std::vector<std::shared_ptr<Proxy>> proxies;  // touched on the io thread only
    };

    // Runs `f` on the io thread and waits for it.
    void on_io(const std::function<void()> &f) {
        if (std::this_thread::get_id() == thread_.get_id()) return f();
        std::promise<void> done;
        asio::post(io_, [&] {
            f();
            done.set_value();
        });
        done.get_future().wait();
    }

    PortPublisherOptions opts_;
    asio::io_context io_;
    asio::executor_work_guard<asio::io_context::executor_type> work_;
    std::thread thread_;
    std::unique_ptr<NftRules> nft_;

    mutable std::mutex mu_;
    std::mt19937 random_;
    std::map<std::string, Entry> by_container_;
};

PortPublisher::PortPublisher(std::unique_ptr<PortPublisherImpl> impl) : impl_(std::move(impl)) {}
PortPublisher::~PortPublisher() = default;

Result<std::unique_ptr<PortPublisher>> PortPublisher::open(PortPublisherOptions opts) {
    auto impl = std::make_unique<PortPublisherImpl>(std::move(opts));
    TRY(impl->start());
    return std::unique_ptr<PortPublisher>(new PortPublisher(std::move(impl)));
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

Result<void> PortPublisher::nat_for_bridge(const std::string &network_id, const std::string &subnet_cidr,
                                           const std::string &bridge) {
    return impl_->nat_for_bridge(network_id, subnet_cidr, bridge);
}

void PortPublisher::remove_nat_for_bridge(const std::string &network_id) {
    impl_->remove_nat_for_bridge(network_id);
}

bool PortPublisher::nftables_active() const { return impl_->nftables_active(); }

}  // namespace berth::network
