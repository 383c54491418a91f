#include "network/dns/message.h"

#include <ldns/ldns.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <utility>

#include "network/dns/records.h"

namespace berth::network::dns {
namespace {

constexpr std::size_t kHeaderSize = 12;
constexpr std::size_t kClassicUdpLimit = 512;
// What the server advertises in its own OPT record: the size the DNS flag day 2020
// settled on, safe from IP fragmentation.
constexpr std::uint16_t kOurEdnsSize = 1232;

struct PktDeleter {
    void operator()(ldns_pkt *p) const { ldns_pkt_free(p); }
};
using PktPtr = std::unique_ptr<ldns_pkt, PktDeleter>;

Bytes to_wire(const ldns_pkt *pkt) {
    std::uint8_t *data = nullptr;
    std::size_t size = 0;
    if (ldns_pkt2wire(&data, pkt, &size) != LDNS_STATUS_OK) {
        std::free(data);
        return {};
    }
    Bytes out(data, data + size);
    std::free(data);
    return out;
}

// A header-only reply (no question echoed: the question may be what was wrong).
Bytes header_reply(std::span<const std::uint8_t> query, int rcode) {
    Bytes out(kHeaderSize, 0);
    out[0] = query[0];
    out[1] = query[1];
    // QR=1, the query's opcode and RD, and the rcode (RFC 1035 4.1.1).
    out[2] = static_cast<std::uint8_t>(0x80 | (query[2] & 0x79));
    out[3] = static_cast<std::uint8_t>(0x80 | (rcode & 0x0f));
    return out;
}

const ldns_rr *question_of(const ldns_pkt *pkt) {
    const ldns_rr_list *q = ldns_pkt_question(pkt);
    return q && ldns_rr_list_rr_count(q) == 1 ? ldns_rr_list_rr(q, 0) : nullptr;
}

}  // namespace

std::uint16_t message_id(std::span<const std::uint8_t> wire) {
    return wire.size() < 2 ? 0 : static_cast<std::uint16_t>(wire[0] << 8 | wire[1]);
}

void set_message_id(Bytes &wire, std::uint16_t id) {
    if (wire.size() < 2) return;
    wire[0] = static_cast<std::uint8_t>(id >> 8);
    wire[1] = static_cast<std::uint8_t>(id & 0xff);
}

Bytes tcp_framed(const Bytes &message) {
    Bytes out(message.size() + 2);
    out[0] = static_cast<std::uint8_t>(message.size() >> 8);
    out[1] = static_cast<std::uint8_t>(message.size() & 0xff);
    std::copy(message.begin(), message.end(), out.begin() + 2);
    return out;
}

bool is_truncated(std::span<const std::uint8_t> wire) {
    return wire.size() >= kHeaderSize && (wire[2] & 0x02) != 0;
}

QueryParse parse_query(std::span<const std::uint8_t> wire) {
    QueryParse out;
    // No header, or a response: nothing to answer, and answering responses invites loops.
    if (wire.size() < kHeaderSize || (wire[2] & 0x80) != 0) return out;
    const int opcode = (wire[2] >> 3) & 0x0f;
    if (opcode != LDNS_PACKET_QUERY) {
        out.error_reply = header_reply(wire, kRcodeNotImp);
        return out;
    }
    ldns_pkt *raw = nullptr;
    // ldns bounds every read, label and name length and the number of compression
    // pointers it follows, so truncated packets and pointer loops come back as errors.
    if (ldns_wire2pkt(&raw, wire.data(), wire.size()) != LDNS_STATUS_OK || raw == nullptr) {
        out.error_reply = header_reply(wire, kRcodeFormErr);
        return out;
    }
    PktPtr pkt(raw);
    if (question_of(pkt.get()) == nullptr) {
        out.error_reply = header_reply(wire, kRcodeFormErr);
        return out;
    }
    out.query.emplace(Query(pkt.release(), Bytes(wire.begin(), wire.end())));
    return out;
}

Query::Query(ldns_pkt *pkt, Bytes wire) : pkt_(pkt), wire_(std::move(wire)) {}
Query::~Query() {
    if (pkt_) ldns_pkt_free(pkt_);
}
Query::Query(Query &&other) noexcept : pkt_(std::exchange(other.pkt_, nullptr)), wire_(std::move(other.wire_)) {}
Query &Query::operator=(Query &&other) noexcept {
    if (this != &other) {
        if (pkt_) ldns_pkt_free(pkt_);
        pkt_ = std::exchange(other.pkt_, nullptr);
        wire_ = std::move(other.wire_);
    }
    return *this;
}

std::uint16_t Query::id() const { return ldns_pkt_id(pkt_); }

std::string Query::name() const {
    char *text = ldns_rdf2str(ldns_rr_owner(question_of(pkt_)));
    if (text == nullptr) return {};
    std::string out = Records::canonical(text);
    std::free(text);
    return out;
}

std::uint16_t Query::type() const { return ldns_rr_get_type(question_of(pkt_)); }
std::uint16_t Query::klass() const { return ldns_rr_get_class(question_of(pkt_)); }

std::size_t Query::udp_limit() const {
    if (!ldns_pkt_edns(pkt_)) return kClassicUdpLimit;
    return std::clamp<std::size_t>(ldns_pkt_edns_udp_size(pkt_), kClassicUdpLimit, 4096);
}

Bytes Query::build(int rcode, std::uint16_t answer_type, const std::vector<std::string> &rdata,
                   Transport t) const {
    PktPtr reply(ldns_pkt_new());
    if (!reply) return {};
    ldns_pkt *r = reply.get();
    ldns_pkt_set_id(r, id());
    ldns_pkt_set_qr(r, true);
    ldns_pkt_set_opcode(r, LDNS_PACKET_QUERY);
    ldns_pkt_set_rd(r, ldns_pkt_rd(pkt_));
    ldns_pkt_set_cd(r, ldns_pkt_cd(pkt_));
    ldns_pkt_set_ra(r, true);
    ldns_pkt_set_rcode(r, static_cast<std::uint8_t>(rcode));
    const ldns_rr *question = question_of(pkt_);
    ldns_pkt_push_rr(r, LDNS_SECTION_QUESTION, ldns_rr_clone(question));
    // Authoritative only for what comes from the records; a failure to forward isn't.
    if (rcode == kRcodeNoError) ldns_pkt_set_aa(r, true);
    // RFC 6891 7: a server that understands EDNS answers an EDNS query with an OPT record.
    if (ldns_pkt_edns(pkt_)) ldns_pkt_set_edns_udp_size(r, kOurEdnsSize);

    const ldns_rdf_type rdf_type = answer_type == kTypePtr ? LDNS_RDF_TYPE_DNAME : LDNS_RDF_TYPE_A;
    for (const auto &value : rdata) {
        std::string text = value;
        if (rdf_type == LDNS_RDF_TYPE_DNAME && (text.empty() || text.back() != '.')) text += '.';
        ldns_rdf *rdf = ldns_rdf_new_frm_str(rdf_type, text.c_str());
        if (rdf == nullptr) continue;  // a name or address that isn't valid is left out
        ldns_rr *rr = ldns_rr_new();
        ldns_rr_set_owner(rr, ldns_rdf_clone(ldns_rr_owner(question)));
        ldns_rr_set_type(rr, static_cast<ldns_rr_type>(answer_type));
        ldns_rr_set_class(rr, LDNS_RR_CLASS_IN);
        ldns_rr_set_ttl(rr, kTtl);
        ldns_rr_push_rdf(rr, rdf);
        ldns_pkt_push_rr(r, LDNS_SECTION_ANSWER, rr);
    }
    Bytes wire = to_wire(r);
    if (t == Transport::Udp && wire.size() > udp_limit()) {
        // RFC 2181 9: rather than a partial answer, an empty one with TC so the client
        // retries over TCP.
        ldns_rr_list_deep_free(ldns_pkt_answer(r));
        ldns_pkt_set_answer(r, ldns_rr_list_new());
        ldns_pkt_set_ancount(r, 0);
        ldns_pkt_set_tc(r, true);
        wire = to_wire(r);
    }
    return wire;
}

Bytes Query::answer_addresses(const std::vector<std::string> &ipv4s, Transport t) const {
    return build(kRcodeNoError, kTypeA, ipv4s, t);
}

Bytes Query::answer_names(const std::vector<std::string> &names, Transport t) const {
    return build(kRcodeNoError, kTypePtr, names, t);
}

Bytes Query::answer_rcode(int rcode) const { return build(rcode, kTypeA, {}, Transport::Tcp); }

bool Query::is_answered_by(std::span<const std::uint8_t> response, std::uint16_t sent_id) const {
    if (response.size() < kHeaderSize || message_id(response) != sent_id || (response[2] & 0x80) == 0)
        return false;
    ldns_pkt *raw = nullptr;
    if (ldns_wire2pkt(&raw, response.data(), response.size()) != LDNS_STATUS_OK || raw == nullptr)
        return false;
    PktPtr pkt(raw);
    const ldns_rr *theirs = question_of(pkt.get());
    if (theirs == nullptr) {
        // Servers may leave the question out of an error (a FORMERR about our EDNS, say).
        return ldns_pkt_qdcount(pkt.get()) == 0 && ldns_pkt_get_rcode(pkt.get()) != LDNS_RCODE_NOERROR;
    }
    const ldns_rr *ours = question_of(pkt_);
    return ldns_dname_compare(ldns_rr_owner(theirs), ldns_rr_owner(ours)) == 0 &&
           ldns_rr_get_type(theirs) == ldns_rr_get_type(ours) &&
           ldns_rr_get_class(theirs) == ldns_rr_get_class(ours);
}

std::optional<std::string> reverse_ipv4(const std::string &name) {
    static const std::string suffix = ".in-addr.arpa";
    const std::string n = Records::canonical(name);
    if (n.size() <= suffix.size() || n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    const std::string_view octets(n.data(), n.size() - suffix.size());
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto dot = octets.find('.', start);
        parts.push_back(octets.substr(start, dot == std::string_view::npos ? dot : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (parts.size() != 4) return std::nullopt;
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        unsigned value = 0;
        const auto [end, ec] = std::from_chars(it->data(), it->data() + it->size(), value);
        if (it->empty() || it->size() > 3 || ec != std::errc() || end != it->data() + it->size() ||
            value > 255 || (it->size() > 1 && (*it)[0] == '0'))
            return std::nullopt;
        if (!out.empty()) out += '.';
        out += std::to_string(value);
    }
    return out;
}

}  // namespace berth::network::dns
