#pragma once
// The Engine API's lists (images, layers, containers, search results, volumes, networks)
// read one way: each object of a JSON array becomes a record; anything else in the array
// is skipped, and anything but an array is an empty list.

#include <QList>

#include <nlohmann/json.hpp>

#include <type_traits>

namespace enginejson {

template <typename Parse>
auto recordsOf(const nlohmann::json &array, Parse parse)
{
    QList<std::invoke_result_t<Parse &, const nlohmann::json &>> out;
    if (!array.is_array())
        return out;
    for (const auto &e : array) {
        if (e.is_object())
            out.append(parse(e));
    }
    return out;
}

}  // namespace enginejson
