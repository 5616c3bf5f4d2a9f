#pragma once

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace Sandbox {

// Entities of one kind, in insertion order, with O(1) lookup by id. Entities live on the heap so
// pointers to them stay valid while others are added or removed. T needs a QString `id`.
template<typename T>
class Collection
{
public:
    using Storage = std::vector<std::unique_ptr<T>>;

    class Iterator
    {
    public:
        explicit Iterator(typename Storage::const_iterator it)
            : m_it(it)
        { }
        T &operator*() const { return **m_it; }
        T *operator->() const { return m_it->get(); }
        Iterator &operator++()
        {
            ++m_it;
            return *this;
        }
        bool operator==(const Iterator &other) const { return m_it == other.m_it; }

    private:
        typename Storage::const_iterator m_it;
    };

    [[nodiscard]] T *find(const QString &id) const { return m_byId.value(id, nullptr); }
    [[nodiscard]] bool contains(const QString &id) const { return m_byId.contains(id); }
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_items.size()); }
    [[nodiscard]] bool isEmpty() const { return m_items.empty(); }

    // Takes the entity; its id must be set and unused.
    T &insert(T entity)
    {
        m_items.push_back(std::make_unique<T>(std::move(entity)));
        T *stored = m_items.back().get();
        m_byId.insert(stored->id, stored);
        return *stored;
    }

    bool remove(const QString &id)
    {
        T *entity = m_byId.take(id);
        if (!entity)
            return false;
        std::erase_if(m_items, [entity](const std::unique_ptr<T> &item) { return item.get() == entity; });
        return true;
    }

    // Removes every entity the predicate accepts; returns how many.
    template<typename Predicate>
    qsizetype removeIf(Predicate predicate)
    {
        qsizetype removed = 0;
        std::erase_if(m_items, [&](const std::unique_ptr<T> &item) {
            if (!predicate(*item))
                return false;
            m_byId.remove(item->id);
            ++removed;
            return true;
        });
        return removed;
    }

    void clear()
    {
        m_byId.clear();
        m_items.clear();
    }

    // For an id change that must keep the index right (ids are otherwise immutable).
    void reindex(T &entity, const QString &newId)
    {
        m_byId.remove(entity.id);
        entity.id = newId;
        m_byId.insert(newId, &entity);
    }

    [[nodiscard]] Iterator begin() const { return Iterator(m_items.cbegin()); }
    [[nodiscard]] Iterator end() const { return Iterator(m_items.cend()); }

private:
    Storage m_items;
    QHash<QString, T *> m_byId;
};

} // namespace Sandbox
