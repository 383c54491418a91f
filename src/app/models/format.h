#pragma once
// Human-readable sizes and dates shared by the models.

#include <QDateTime>
#include <QString>

namespace format {
// Decimal units, as `docker images` prints them: 4.26MB is 4 260 000 bytes.
QString bytes(qint64 n);
// "2026-11-25 14:03" in local time; empty for an invalid time.
QString dateTime(const QDateTime &t);
// The 12 hex characters after "sha256:", as the CLI shows ids.
QString shortId(const QString &id);
}  // namespace format
