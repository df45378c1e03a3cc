// Stores and repositories run against fake-indexeddb in happy-dom.
import 'fake-indexeddb/auto';
