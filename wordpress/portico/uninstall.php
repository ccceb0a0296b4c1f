<?php
/**
 * Removes what the plugin stored when an administrator deletes it.
 *
 * @package Portico
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $portico_site_id ) {
		switch_to_blog( $portico_site_id );
		delete_option( 'portico_portal_url' );
		restore_current_blog();
	}
} else {
	delete_option( 'portico_portal_url' );
}
