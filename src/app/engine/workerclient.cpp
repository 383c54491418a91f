#include "engine/workerclient.h"

#include "client/engine_client.h"

berth::Result<berth::client::Host> hostFromSetting(const QString &hostText)
{
    std::optional<std::string> explicitHost;
    if (!hostText.isEmpty())
        explicitHost = hostText.toStdString();
    return berth::client::resolve_host(explicitHost);
}

std::unique_ptr<berth::client::EngineClient> newWorkerClient(berth::client::Host host)
{
    return std::make_unique<berth::client::EngineClient>(berth::client::ClientOptions{std::move(host), {}, {}});
}
