// DNS messages as the server needs them, on top of NLnet Labs' ldns (RFC 1035 wire format,
// name compression, EDNS): parse and validate a client's query, build the answers the
// server gives from its own records, check an upstream's answer before relaying it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

struct ldns_struct_pkt;

namespace berth::network::dns {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::uint32_t kTtl = 600;  // what Docker's embedded server gives its records
inline constexpr std::uint16_t kTypeA = 1;
inline constexpr std::uint16_t kTypePtr = 12;
inline constexpr std::uint16_t kTypeAaaa = 28;
inline constexpr std::uint16_t kClassIn = 1;
inline constexpr int kRcodeNoError = 0;
inline constexpr int kRcodeFormErr = 1;
inline constexpr int kRcodeServFail = 2;
inline constexpr int kRcodeNxDomain = 3;
inline constexpr int kRcodeNotImp = 4;

enum class Transport { Udp, Tcp };

// A client's query that passed validation: one question, opcode QUERY, QR clear.
struct QueryParse;

class Query {
public:
    ~Query();
    Query(Query &&) noexcept;
    Query &operator=(Query &&) noexcept;

    std::uint16_t id() const;
    std::string name() const;  // lower-case, no trailing dot ("" for the root)
    std::uint16_t type() const;
    std::uint16_t klass() const;
    // The most a UDP answer may carry: 512, or the client's EDNS buffer size (RFC 6891 6.2.5).
    std::size_t udp_limit() const;
    const Bytes &wire() const { return wire_; }

    // The answers the server gives itself. On UDP an answer over udp_limit() goes out
    // truncated (TC set, no records) so that the client asks again over TCP.
    Bytes answer_addresses(const std::vector<std::string> &ipv4s, Transport t) const;
    Bytes answer_names(const std::vector<std::string> &names, Transport t) const;  // PTR
    Bytes answer_rcode(int rcode) const;  // no records: NOERROR/no data, NXDOMAIN, SERVFAIL

    // Whether `response` is a well-formed answer to this question sent with `id`.
    bool is_answered_by(std::span<const std::uint8_t> response, std::uint16_t id) const;

private:
    friend struct QueryParse;
    friend QueryParse parse_query(std::span<const std::uint8_t> wire);
    Query(ldns_struct_pkt *pkt, Bytes wire);
    Bytes build(int rcode, std::uint16_t answer_type, const std::vector<std::string> &rdata,
                Transport t) const;
    ldns_struct_pkt *pkt_;
    Bytes wire_;
};

// What arrived on a server socket: a query to answer, or else (bad packet) an error reply
// to send back, or nothing at all (too short to have a header, or not a query: dropping
// those keeps two servers from answering each other forever).
struct QueryParse {
    std::optional<Query> query;
    Bytes error_reply;
};
QueryParse parse_query(std::span<const std::uint8_t> wire);

// "2.0.18.172.in-addr.arpa" -> "172.18.0.2"; nullopt for anything else.
std::optional<std::string> reverse_ipv4(const std::string &name);

// The two-byte message ID at the front of a message.
std::uint16_t message_id(std::span<const std::uint8_t> wire);
void set_message_id(Bytes &wire, std::uint16_t id);
// RFC 1035 4.2.2: over TCP a message goes preceded by its two-byte length.
Bytes tcp_framed(const Bytes &message);
// The TC flag (RFC 1035 4.1.1).
bool is_truncated(std::span<const std::uint8_t> wire);

}  // namespace berth::network::dns
