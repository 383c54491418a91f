#include "client/mux_stream.h"

#include <algorithm>

namespace berth::client {

Result<void> MultiplexedStreamDecoder::feed(std::string_view chunk) {
    while (!chunk.empty() && !stopped_) {
        if (remaining_ == 0) {
            std::size_t take = std::min(header_.size() - header_len_, chunk.size());
            std::copy_n(chunk.begin(), take, header_.begin() + static_cast<long>(header_len_));
            header_len_ += take;
            chunk.remove_prefix(take);
            if (header_len_ < header_.size()) break;
            header_len_ = 0;
            if (header_[0] > 3)
                return Error{"decode multiplexed stream", {}, 0,
                             "unknown stream id " + std::to_string(header_[0]),
                             ErrorKind::Internal};
            current_ = static_cast<StreamKind>(header_[0]);
            remaining_ = (std::uint32_t{header_[4]} << 24) | (std::uint32_t{header_[5]} << 16) |
                         (std::uint32_t{header_[6]} << 8) | std::uint32_t{header_[7]};
            continue;  // a zero-size frame is simply skipped
        }
        std::size_t take = std::min<std::size_t>(remaining_, chunk.size());
        remaining_ -= static_cast<std::uint32_t>(take);
        if (!cb_(current_, chunk.substr(0, take))) stopped_ = true;
        chunk.remove_prefix(take);
    }
    return {};
}

}  // namespace berth::client
