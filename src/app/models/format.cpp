#include "models/format.h"

namespace format {

QString bytes(qint64 n)
{
    if (n < 0)
        return QStringLiteral("—");
    static const char *units[] = {"B", "kB", "MB", "GB", "TB"};
    double value = double(n);
    int unit = 0;
    while (value >= 1000.0 && unit < 4) {
        value /= 1000.0;
        ++unit;
    }
    const int decimals = (unit == 0 || value >= 100.0) ? 0 : (value >= 10.0 ? 1 : 2);
    return QStringLiteral("%1 %2").arg(value, 0, 'f', decimals).arg(QLatin1String(units[unit]));
}

QString dateTime(const QDateTime &t)
{
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString shortId(const QString &id)
{
    const int colon = id.indexOf(u':');
    return id.mid(colon + 1, 12);
}

}  // namespace format
