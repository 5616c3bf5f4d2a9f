#include "sandbox/idgenerator.h"

using namespace Qt::Literals::StringLiterals;

namespace Sandbox {

IdGenerator::IdGenerator(quint64 seed)
    : m_engine(seed)
{ }

void IdGenerator::reseed(quint64 seed)
{
    m_engine.seed(seed);
}

quint64 IdGenerator::next()
{
    return m_engine();
}

int IdGenerator::bounded(int upperExclusive)
{
    if (upperExclusive <= 1)
        return 0;
    return static_cast<int>(m_engine() % static_cast<quint64>(upperExclusive));
}

double IdGenerator::uniform()
{
    return static_cast<double>(m_engine() >> 11) * (1.0 / 9007199254740992.0);
}

QString IdGenerator::objectId()
{
    // An ObjectId starts with its creation time in seconds; keep that prefix plausible (2024-2025).
    const quint32 seconds = 0x65900000u + static_cast<quint32>(m_engine() % 0x03000000u);
    return u"%1"_s.arg(seconds, 8, 16, QLatin1Char('0')) + hex(16);
}

QString IdGenerator::uuid()
{
    QString text = hex(32);
    text[12] = u'4';
    text[16] = QLatin1Char("89ab"[m_engine() % 4]);
    return text.left(8) + u'-' + text.mid(8, 4) + u'-' + text.mid(12, 4) + u'-' + text.mid(16, 4) + u'-' + text.mid(20);
}

QString IdGenerator::uuidV1Like()
{
    QString text = hex(32);
    text[12] = u'1';
    return text.left(8) + u'-' + text.mid(8, 4) + u'-' + text.mid(12, 4) + u'-' + text.mid(16, 4) + u'-' + text.mid(20);
}

QString IdGenerator::tenantId()
{
    return pick(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"_L1);
}

QString IdGenerator::tenantName()
{
    return lowerAlphanumeric(15);
}

QString IdGenerator::hex(int length)
{
    return pick(length, "0123456789abcdef"_L1);
}

QString IdGenerator::alphanumeric(int length)
{
    return pick(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"_L1);
}

QString IdGenerator::lowerAlphanumeric(int length)
{
    return pick(length, "abcdefghijklmnopqrstuvwxyz0123456789"_L1);
}

QString IdGenerator::digits(int length)
{
    return pick(length, "0123456789"_L1);
}

QString IdGenerator::pick(int length, QLatin1StringView alphabet)
{
    QString text(length, Qt::Uninitialized);
    const auto size = static_cast<quint64>(alphabet.size());
    for (int i = 0; i < length; ++i)
        text[i] = alphabet.at(static_cast<qsizetype>(m_engine() % size));
    return text;
}

} // namespace Sandbox
