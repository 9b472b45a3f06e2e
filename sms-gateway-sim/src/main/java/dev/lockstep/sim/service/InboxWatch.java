package dev.lockstep.sim.service;

import dev.lockstep.sim.domain.Message;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Clients waiting for the next message to a phone (long polling), woken after the message commits. */
@ApplicationScoped
public class InboxWatch {

    private final Map<String, List<CompletableFuture<Message>>> waiting = new ConcurrentHashMap<>();

    /** Registers interest in the next message to {@code phone}; register before looking in the database. */
    public CompletableFuture<Message> next(String phone) {
        CompletableFuture<Message> future = new CompletableFuture<>();
        waiting.computeIfAbsent(phone, p -> new CopyOnWriteArrayList<>()).add(future);
        future.whenComplete((m, e) -> forget(phone, future));
        return future;
    }

    /** Called once a delivered message is committed (so {@code message} is detached: read, never changed). */
    public void delivered(Message message) {
        List<CompletableFuture<Message>> waiters = waiting.get(message.address);
        if (waiters != null) {
            waiters.forEach(f -> f.complete(message));
        }
    }

    private void forget(String phone, CompletableFuture<Message> future) {
        waiting.computeIfPresent(phone, (p, list) -> {
            list.remove(future);
            return list.isEmpty() ? null : list;
        });
    }
}
