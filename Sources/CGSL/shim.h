#ifndef SMSIM_CGSL_SHIM_H
#define SMSIM_CGSL_SHIM_H

/* Let GSL inline gsl_rng_uniform and friends into Swift callers. */
#ifndef HAVE_INLINE
#define HAVE_INLINE 1
#endif

#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multifit.h>

/* Swift 6 refuses GSL's mutable global generator-type pointers; reach them through functions. */
static inline const gsl_rng_type *smsim_rng_mt19937(void) { return gsl_rng_mt19937; }
static inline const gsl_rng_type *smsim_rng_taus2(void) { return gsl_rng_taus2; }

/* GSL aborts the process on a domain error by default; the Swift side validates every
   parameter first, so the handler only needs to stay out of the way. */
static inline void smsim_gsl_quiet(void) { gsl_set_error_handler_off(); }

#endif
