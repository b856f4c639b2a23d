// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tokentablemodel.h"

#include <QObject>
#include <QPointer>
#include <QSet>

class WorkspaceStore;

// Fills a TokenTableModel from a large workspace without freezing its window: a worker thread
// reads the workspace through its own connection and builds the rows, then the model adopts
// them in one cheap reset. Tokens the store reports as changed while the worker read are read
// again afterwards, so nothing committed in between is missed.
class TokenTableLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenTableLoader)

public:
    // `store` and `model` must outlive the loader (a window owns all three).
    TokenTableLoader(WorkspaceStore *store, TokenTableModel *model, QObject *parent = nullptr);

    void start();
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    // `error` is empty when the worker read the workspace; otherwise the model was filled by a
    // plain reload() on this thread and `error` says why the worker could not.
    void finished(const QString &error);

private:
    void adopt(const std::shared_ptr<TokenTableModel::PreparedRows> &rows, const QString &error);
    void noteChanged(qint64 tokenId);

    WorkspaceStore *m_store;
    TokenTableModel *m_model;
    bool m_loading = false;
    QSet<qint64> m_changedWhileLoading;
};
