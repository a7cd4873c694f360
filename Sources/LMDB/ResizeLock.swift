#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock between transactions (shared) and map resizing (exclusive).
///
/// liblmdb requires that no transaction of the process is active while `mdb_env_set_mapsize`
/// runs. A plain reader-preferring rwlock starves the resize under a stream of readers; a
/// writer-preferring one deadlocks a thread that nests a read inside its own transaction while
/// a resize waits. So: a waiting resize holds back new transactions, but a thread that already
/// holds the lock (its depth, kept per thread) always gets in.
final class ResizeLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var depthKey = pthread_key_t()
    private var holders = 0
    private var resizesWaiting = 0
    private var resizing = false

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        pthread_key_create(&depthKey, nil)
    }

    deinit {
        pthread_key_delete(depthKey)
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    /// How many transactions of this environment the calling thread holds open.
    private var depth: Int {
        get { Int(bitPattern: pthread_getspecific(depthKey)) }
        set { pthread_setspecific(depthKey, UnsafeRawPointer(bitPattern: newValue)) }
    }

    /// Whether the calling thread holds a transaction, so it must not resize.
    var heldByCurrentThread: Bool { depth > 0 }

    func lockShared() {
        let nested = depth > 0
        pthread_mutex_lock(mutex)
        while !nested && (resizing || resizesWaiting > 0) { pthread_cond_wait(changed, mutex) }
        holders += 1
        pthread_mutex_unlock(mutex)
        depth += 1
    }

    func unlockShared() {
        depth -= 1
        pthread_mutex_lock(mutex)
        holders -= 1
        if holders == 0 { pthread_cond_broadcast(changed) }
        pthread_mutex_unlock(mutex)
    }

    func lockExclusive() {
        precondition(depth == 0, "an LMDB map resize was started on a thread that holds a transaction")
        pthread_mutex_lock(mutex)
        resizesWaiting += 1
        while holders > 0 || resizing { pthread_cond_wait(changed, mutex) }
        resizesWaiting -= 1
        resizing = true
        pthread_mutex_unlock(mutex)
    }

    func unlockExclusive() {
        pthread_mutex_lock(mutex)
        resizing = false
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
