#pragma once

#include <QString>

#include <random>

namespace Sandbox {

// Deterministic identifiers in Qlik's formats (FACTS §17), from a seeded PRNG: the same seed and
// the same sequence of changes always produce the same ids, so seeds and test runs are reproducible.
class IdGenerator
{
public:
    explicit IdGenerator(quint64 seed = 1);

    void reseed(quint64 seed);

    [[nodiscard]] quint64 next();
    [[nodiscard]] int bounded(int upperExclusive); // 0 <= n < upperExclusive
    [[nodiscard]] double uniform(); // 0 <= x < 1

    [[nodiscard]] QString objectId(); // 24 hex digits, e.g. 62b6024fcdf339bb986fae75
    [[nodiscard]] QString uuid(); // v4, e.g. 116dbfae-7fb9-4983-8e23-5ccd8c508722
    [[nodiscard]] QString uuidV1Like(); // automations: e0e720d0-4947-11ec-a1d2-9559fa35801d
    [[nodiscard]] QString tenantId(); // 32 of [A-Za-z0-9_-]
    [[nodiscard]] QString tenantName(); // 15 of [a-z0-9]
    [[nodiscard]] QString hex(int length);
    [[nodiscard]] QString alphanumeric(int length); // [A-Za-z0-9]
    [[nodiscard]] QString lowerAlphanumeric(int length); // [a-z0-9]
    [[nodiscard]] QString digits(int length);

private:
    [[nodiscard]] QString pick(int length, QLatin1StringView alphabet);

    std::mt19937_64 m_engine;
};

} // namespace Sandbox
