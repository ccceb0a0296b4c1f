<?php
/**
 * Loading portico.js as a module, only on pages that show a Portico element.
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

/**
 * Asks WordPress to print the portal's script at the end of the page.
 *
 * Called by the shortcodes as they render, so pages without one do not load it. In the footer,
 * because classic themes render the content after the head is printed; the elements are
 * defined when the script arrives, wherever their tags are.
 *
 * @param string $portal The portal URL, without a trailing slash.
 */
function portico_enqueue_script( $portal ) {
	if ( wp_script_is( PORTICO_SCRIPT_HANDLE, 'enqueued' ) ) {
		return;
	}
	// No version: the portal decides how long its loader may be cached.
	wp_enqueue_script( PORTICO_SCRIPT_HANDLE, $portal . '/portico.js', array(), null, true );
}

/**
 * Prints the portal's script as `type="module"` (WordPress 6.1 has no API for module scripts).
 *
 * @param string $tag    The tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function portico_module_script_tag( $tag, $handle, $src ) {
	if ( PORTICO_SCRIPT_HANDLE !== $handle ) {
		return $tag;
	}
	return sprintf(
		'<script type="module" src="%1$s" id="%2$s"></script>' . "\n",
		esc_url( $src ),
		esc_attr( $handle . '-js' )
	);
}
