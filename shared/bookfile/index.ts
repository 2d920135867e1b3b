export * from './bookfile';
